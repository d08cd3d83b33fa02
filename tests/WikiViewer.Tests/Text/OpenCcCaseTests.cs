using System.Text.Json;

using WikiViewer.Tests.Infrastructure;
using WikiViewer.Text;

using Xunit.Abstractions;

namespace WikiViewer.Tests.Text;

/// <summary>
/// OpenCC's published test cases (OpenCcCases/testcases.json, from BYVoid/OpenCC)
/// for every config OpenCcConverter offers. The expected values are C++
/// OpenCC's; the few where opencc-js, and so we, differ are listed below.
/// </summary>
public class OpenCcCaseTests(ITestOutputHelper output)
{
    // Case id and config → why opencc-js 1.4.2 does not give OpenCC's answer.
    // Data/README.md, "Differences from C++ OpenCC 1.4.2", explains each.
    private static readonly Dictionary<(string Id, string Config), string> KnownDifferences = new()
    {
        [("BYVoid_OpenCC_PR_1228_existing_behaviors", "t2s")] = "殢 → 𣨼 is in TSCharactersExt, which opencc-js's t2s does not use",
        [("BYVoid_OpenCC_PR_1229_existing_behaviors", "t2s")] = "圞 → 𪢮 is in TSCharactersExt, which opencc-js's t2s does not use",
        [("BYVoid_OpenCC_PR_464_xi_vs_xi", "t2s")] = "樠 → 𣗊 is in TSCharactersExt, which opencc-js's t2s does not use",
    };

    private static readonly Lazy<Case[]> Cases = new(Load);

    public static TheoryData<string, string> All
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (Case c in Cases.Value)
            {
                foreach (string config in c.Expected.Keys.Where(OpenCcConfigs.All.ContainsKey))
                {
                    data.Add(c.Id, config);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Every_case_for_every_config(string id, string config)
    {
        Case c = Cases.Value.Single(c => c.Id == id);
        string expected = c.Expected[config];
        string actual = OpenCcConfigs.All[config].Convert(c.Input);
        if (KnownDifferences.TryGetValue((id, config), out string? reason))
        {
            // Stays listed only while it really differs.
            Assert.True(actual != expected, $"{id} ({config}) now gives OpenCC's answer: remove it from KnownDifferences ({reason}).");
        }
        else
        {
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Pass_counts_per_config()
    {
        var lines = new List<string>();
        int failures = 0;
        foreach (string config in OpenCcConfigs.All.Keys.Order(StringComparer.Ordinal))
        {
            Case[] cases = [.. Cases.Value.Where(c => c.Expected.ContainsKey(config))];
            int passed = cases.Count(c => OpenCcConfigs.All[config].Convert(c.Input) == c.Expected[config]);
            failures += cases.Length - passed;
            lines.Add($"{config}: {passed}/{cases.Length}");
        }

        output.WriteLine(string.Join(", ", lines));
        Assert.True(Cases.Value.Length > 200, $"{Cases.Value.Length} cases");
        Assert.Equal(KnownDifferences.Count, failures);
    }

    private static Case[] Load()
    {
        string path = Path.Combine(RepositoryPaths.Root, "tests", "WikiViewer.Tests", "Text", "OpenCcCases", "testcases.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true });
        return
        [
            .. document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
                c.GetProperty("id").GetString()!,
                c.GetProperty("input").GetString()!,
                c.GetProperty("expected").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!))),
        ];
    }

    private sealed record Case(string Id, string Input, Dictionary<string, string> Expected);
}
