namespace WikiViewer.Text;

// TEMPORARY shim until the OpenCC 1.4.2 engine lands (branch opencc-142).
public sealed class OpenCcConverter
{
    private readonly Func<string, string> _convert;

    private OpenCcConverter(string name, Func<string, string> convert)
    {
        Name = name;
        _convert = convert;
    }

    public static OpenCcConverter S2T { get; } = new("s2t", ChineseConverter.ToTraditional);
    public static OpenCcConverter T2S { get; } = new("t2s", ChineseConverter.ToSimplified);
    public static OpenCcConverter S2TWP { get; } = new("s2twp", ChineseConverter.ToTraditional);
    public static OpenCcConverter TW2SP { get; } = new("tw2sp", ChineseConverter.ToSimplified);
    public static OpenCcConverter S2HK { get; } = new("s2hk", ChineseConverter.ToTraditional);
    public static OpenCcConverter T2TW { get; } = new("t2tw", t => t);
    public static OpenCcConverter T2HK { get; } = new("t2hk", t => t);
    public static OpenCcConverter TW2T { get; } = new("tw2t", t => t);
    public static OpenCcConverter HK2T { get; } = new("hk2t", t => t);

    public string Name { get; }

    public string Convert(string text) => _convert(text);

    public OpenCcConverter Then(OpenCcConverter next) => new(Name + "+" + next.Name, t => next.Convert(Convert(t)));
}
