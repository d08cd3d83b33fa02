using System.Text;
using WikiViewer.Rendering;
using WikiViewer.Tests.Infrastructure;
using WikiViewer.Rendering.Syntax;

namespace WikiViewer.Tests.Rendering;

public sealed class MarkdownNestingTests
{
    [Theory]
    [InlineData("000_c0227119ef9a63d1.txt")]
    [InlineData("001_a1560ab14eb876b4.txt")]
    [InlineData("002_feb0c7de58155e47.txt")]
    public void Real_articles_nest_far_below_the_limit(string seed) =>
        Assert.InRange(DepthOf(RepositoryPaths.Seed(seed)), 0, 5);

    [Theory]
    [InlineData("plain text", 0)]
    [InlineData("> quote", 1)]
    [InlineData("> > > three", 3)]
    [InlineData(">>> three", 3)]
    [InlineData("- a\n  - b\n    - c", 3)]
    [InlineData("1. a\n   2) b", 2)]
    [InlineData("> - > 1. x", 4)]
    [InlineData("-not a list", 0)]
    [InlineData("[a [b [c]]]", 3)]
    [InlineData("\\[1\\] escaped", 0)]
    [InlineData("[[[\n\n]", 3)]
    [InlineData("        indented code, no marker", 0)]
    [InlineData("- a\r\n  - b\r    - c", 3)]
    [InlineData("[[[\r\n\r\n]", 3)]
    [InlineData("「[甲[乙]」> 引", 2)]
    public void Depth_counts_quotes_list_items_and_brackets(string markdown, int depth) =>
        Assert.Equal(depth, DepthOf(markdown));

    [Fact]
    public void Brackets_do_not_carry_over_a_blank_line()
    {
        string text = string.Concat(Enumerable.Repeat("[unclosed\n\n", 500));

        Assert.Equal(1, DepthOf(text));
    }

    private static int DepthOf(string markdown) => MarkdownNesting.Depth(Encoding.UTF8.GetBytes(markdown));
}
