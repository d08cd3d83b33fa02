using NetArchTest.Rules;

namespace WikiViewer.Tests;

/// <summary>
/// The folders form one stack (docs/architecture.md): each may use those below it,
/// never one above, so a change to the web layer cannot reach back into the engine.
/// </summary>
public class ArchitectureTests
{
    // Lowest first.
    private static readonly string[] Layers =
    [
        "WikiViewer.Storage",
        "WikiViewer.Text",
        "WikiViewer.Titles",
        "WikiViewer.Rendering",
        "WikiViewer.Search",
        "WikiViewer.Store",
        "WikiViewer.Loading",
        "WikiViewer.Web",
        "WikiViewer.Export",
    ];

    // Each Markdig rule stands alone: what the rules share lives in Rendering.Syntax.
    private static readonly string[] RenderingRules =
    [
        "WikiViewer.Rendering.Mathematics",
        "WikiViewer.Rendering.RawHtml",
        "WikiViewer.Rendering.Emphasis",
        "WikiViewer.Rendering.References",
        "WikiViewer.Rendering.Residue",
        "WikiViewer.Rendering.Sections",
        "WikiViewer.Rendering.Tables",
        "WikiViewer.Rendering.Trailer",
        "WikiViewer.Rendering.VariantMarkup",
        "WikiViewer.Rendering.WikiLinks",
    ];

    public static TheoryData<string> LayerNames => [.. Layers];

    public static TheoryData<string> RuleNames => [.. RenderingRules];

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void A_folder_uses_no_folder_above_it(string layer)
    {
        string[] above = Layers[(Array.IndexOf(Layers, layer) + 1)..];
        if (above.Length == 0)
        {
            return;
        }

        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace(layer)
            .ShouldNot().HaveDependencyOnAny(above)
            .GetResult();

        Assert.True(result.IsSuccessful, $"{layer} uses a folder above it: {Offenders(result)}");
    }

    [Fact]
    public void Every_type_lives_in_a_layer()
    {
        var outside = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith("WikiViewer", StringComparison.Ordinal)
                && !Layers.Any(layer => ns == layer || ns.StartsWith(layer + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToArray();

        Assert.True(outside.Length == 0, $"types outside the layers: {string.Join(", ", outside)}");
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void A_rendering_rule_uses_no_other_rule_nor_the_pipeline(string rule)
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace(rule)
            .ShouldNot().HaveDependencyOnAny([.. RenderingRules.Where(r => r != rule), "WikiViewer.Rendering.WikiMarkdown", "WikiViewer.Rendering.ArticleRenderer"])
            .GetResult();

        Assert.True(result.IsSuccessful, $"{rule} uses another rule or the pipeline: {Offenders(result)}");
    }

    [Fact]
    public void The_shared_syntax_helpers_use_no_rule()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace("WikiViewer.Rendering.Syntax")
            .ShouldNot().HaveDependencyOnAny([.. RenderingRules, "WikiViewer.Rendering.WikiMarkdown", "WikiViewer.Rendering.ArticleRenderer"])
            .GetResult();

        Assert.True(result.IsSuccessful, $"Rendering.Syntax uses a rule: {Offenders(result)}");
    }

    private static string Offenders(TestResult result) =>
        string.Join(", ", result.FailingTypeNames ?? []);
}
