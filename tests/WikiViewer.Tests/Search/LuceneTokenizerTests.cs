using WikiViewer.Search;
using WikiViewer.Search.Lucene;

namespace WikiViewer.Tests.Search;

public sealed class LuceneTokenizerTests
{
    [Theory]
    [InlineData("王明回國。1933年的ＭＩＭ Notes，卡尔·马克思与X光")]
    [InlineData("𠀀國與\uF900同")]
    [InlineData("")]
    public void IndexesTheTermsOfTheHandWrittenAnalyzerAtTheSamePositionsPlusEdges(string text)
    {
        var lucene = FoldingBigramTokenizer.Terms(text);
        var handWritten = TextAnalyzer.Tokenize(text).Select(static token => (token.Text, token.Position));

        Assert.Equal(
            handWritten.Order(),
            lucene.Where(static term => term.Term[0] != FoldingBigramTokenizer.EdgeMarker).Order());
    }

    [Fact]
    public void EdgesStandWhereACjkCharacterTouchesAWord()
    {
        var edges = FoldingBigramTokenizer.Terms("1933年，X 光与CT扫描").Where(static term => term.Term[0] == FoldingBigramTokenizer.EdgeMarker);

        Assert.Equal([("\u0001年", 1), ("\u0001光", 4), ("\u0001与", 5), ("\u0001扫", 7)], edges);
    }

    [Fact]
    public void GeneratedDocumentsGiveTheHandWrittenAnalyzersTerms()
    {
        foreach (SearchDocument document in GeneratedCorpus.Create(50, seed: 12))
        {
            var lucene = FoldingBigramTokenizer.Terms(document.Text).Where(static term => term.Term[0] != FoldingBigramTokenizer.EdgeMarker);

            Assert.Equal(TextAnalyzer.Tokenize(document.Text).Select(static token => (token.Text, token.Position)).Order(), lucene.Order());
        }
    }
}
