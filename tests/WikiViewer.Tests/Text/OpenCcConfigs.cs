using WikiViewer.Text;

namespace WikiViewer.Tests.Text;

/// <summary>Every config OpenCcConverter offers, by its OpenCC name.</summary>
public static class OpenCcConfigs
{
    public static IReadOnlyDictionary<string, OpenCcConverter> All { get; } = new[]
    {
        OpenCcConverter.S2T, OpenCcConverter.T2S, OpenCcConverter.S2TW, OpenCcConverter.S2TWP,
        OpenCcConverter.TW2S, OpenCcConverter.TW2SP, OpenCcConverter.S2HK, OpenCcConverter.HK2S,
        OpenCcConverter.T2TW, OpenCcConverter.T2HK, OpenCcConverter.TW2T, OpenCcConverter.HK2T,
    }.ToDictionary(c => c.Name);
}
