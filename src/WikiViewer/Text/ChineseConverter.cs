namespace WikiViewer.Text;

/// <summary>
/// The 简体/繁體 toggle's conversions: OpenCC's s2t and t2s
/// (<see cref="OpenCcConverter.S2T"/>, <see cref="OpenCcConverter.T2S"/>).
/// </summary>
public static class ChineseConverter
{
    /// <summary>Simplified → Traditional (OpenCC s2t).</summary>
    public static string ToTraditional(string text) => OpenCcConverter.S2T.Convert(text);

    /// <summary>Traditional → Simplified (OpenCC t2s).</summary>
    public static string ToSimplified(string text) => OpenCcConverter.T2S.Convert(text);
}
