extern alias corpusgen;

using System.Text;

using corpusgen::CorpusGen;

using WikiViewer.Tests.Infrastructure;
using WikiViewer.Text;

namespace WikiViewer.Tests.Text;

/// <summary>
/// OpenCcConverter against opencc-js 1.4.2 itself, line by line, for every
/// config: the seeds, the real sample, a few hundred generated articles, both
/// directions of each (so that Traditional configs see Traditional text), and
/// the edge cases of the engine's unit tests.
/// </summary>
public class OpenCcDifferentialTests
{
    private static readonly Lazy<string[]> Lines = new(BuildCorpus);

    public static TheoryData<string> Configs => [.. OpenCcConfigs.All.Keys];

    [Theory]
    [MemberData(nameof(Configs))]
    public void Agrees_with_opencc_js_on_every_line(string config)
    {
        string[] lines = Lines.Value;
        IReadOnlyList<string> expected = OpenCcReference.Convert(config, lines);
        OpenCcConverter converter = OpenCcConfigs.All[config];

        var differences = new StringBuilder();
        int different = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            string actual = converter.Convert(lines[i]);
            if (actual != expected[i])
            {
                if (++different <= 5)
                {
                    differences.Append($"\n  input:     {lines[i]}\n  opencc-js: {expected[i]}\n  ours:      {actual}\n");
                }
            }
        }

        Assert.True(different == 0, $"{config}: {different} of {lines.Length} lines differ from opencc-js; the first:{differences}");
    }

    [Fact]
    public void The_corpus_is_large_and_has_both_scripts()
    {
        string[] lines = Lines.Value;
        Assert.True(lines.Length > 10_000, $"{lines.Length} lines");
        Assert.True(lines.Sum(l => l.Length) > 1_000_000, "characters");
    }

    private static string[] BuildCorpus()
    {
        var texts = new List<string>();
        texts.AddRange(Directory.GetFiles(RepositoryPaths.Seeds).Order(StringComparer.Ordinal).Select(File.ReadAllText));
        string realSample = Path.Combine(RepositoryPaths.Root, "tests", "WikiViewer.Tests", "RealSample", "Page");
        texts.AddRange(Directory.GetFiles(realSample).Order(StringComparer.Ordinal).Select(File.ReadAllText));
        texts.AddRange(new CorpusGenerator().Generate(count: 300, seed: 142).Select(a => a.Text));

        var lines = new List<string>();
        foreach (string text in texts)
        {
            foreach (string line in text.Split('\n'))
            {
                if (line.Length > 0)
                {
                    lines.Add(line);
                    // Traditional and regional text for the t2…, tw2… and hk2… configs.
                    lines.Add(OpenCcConverter.S2TWP.Convert(line));
                    lines.Add(OpenCcConverter.S2HK.Convert(line));
                }
            }
        }

        lines.AddRange(OpenCcEngineTests.EdgeCases);
        return [.. lines.Distinct(StringComparer.Ordinal)];
    }
}
