using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace WikiViewer.Search.Lucene;

/// <summary>
/// <see cref="TextAnalyzer"/>'s analysis as a Lucene token stream, so that Lucene indexes the
/// terms the hand-written engine does and <see cref="SearchQuery"/> can be asked of it as is:
/// the text is normalized by <see cref="TextAnalyzer.NormalizeInto"/> (Traditional folded to
/// Simplified, full width to half width, lower case), split by <see cref="UnitTokenizer"/>, and
/// each unit takes one position (two after punctuation). Per unit it emits:
/// <list type="bullet">
/// <item>a CJK character as itself (the hand-written engine keeps these without positions);</item>
/// <item>with the next CJK character of its run, the bigram, at the same position;</item>
/// <item>a CJK character that touches a word of letters or digits also as
/// <see cref="EdgeMarker"/> + itself, at the same position (年 in 1933年);</item>
/// <item>a word as its key (<see cref="TextAnalyzer.WordKey"/>).</item>
/// </list>
/// </summary>
internal sealed class FoldingBigramTokenizer : Tokenizer
{
    /// <summary>Prefix of an edge term: never a character of a unit, so no other term starts with it.</summary>
    public const char EdgeMarker = '\u0001';

    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly List<TextUnit> _units = [];
    private readonly List<(int Start, int Length, int Increment)> _tokens = [];
    private char[] _normalized = [];
    private char[] _chars = new char[256];
    private int _charCount;
    private int _next;

    public FoldingBigramTokenizer(TextReader input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= _tokens.Count)
        {
            return false;
        }

        ClearAttributes();
        (int start, int length, int increment) = _tokens[_next++];
        _term.CopyBuffer(_chars, start, length);
        _increment.PositionIncrement = increment;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        Analyze(m_input.ReadToEnd());
        _next = 0;
    }

    /// <summary>The terms of a text with their positions, as the index gets them (tests and diagnostics).</summary>
    public static List<(string Term, int Position)> Terms(string text)
    {
        using var tokenizer = new FoldingBigramTokenizer(new StringReader(text));
        tokenizer.Reset();
        var terms = new List<(string, int)>();
        int position = -1;
        while (tokenizer.IncrementToken())
        {
            position += tokenizer._increment.PositionIncrement;
            terms.Add((tokenizer._term.ToString(), position));
        }

        tokenizer.End();
        return terms;
    }

    private void Analyze(string text)
    {
        _units.Clear();
        _tokens.Clear();
        _charCount = 0;
        ReadOnlySpan<char> normalized = TextAnalyzer.NormalizeInto(text, ref _normalized);
        var units = new UnitTokenizer(normalized);
        while (units.MoveNext(out TextUnit unit))
        {
            _units.Add(unit);
        }

        for (int i = 0; i < _units.Count; i++)
        {
            TextUnit unit = _units[i];
            int increment = i == 0 ? 1 : unit.PositionIncrement;
            if (unit.Kind == UnitKind.Word)
            {
                Add(TextAnalyzer.WordKey(normalized, unit), [], increment);
                continue;
            }

            ReadOnlySpan<char> character = normalized.Slice(unit.Start, unit.Length);
            Add(character, [], increment);
            bool hasNext = i + 1 < _units.Count;
            if (hasNext && _units[i + 1] is { Kind: UnitKind.Cjk, JoinedToPrevious: true } next)
            {
                Add(character, normalized.Slice(next.Start, next.Length), 0);
            }

            // "Touching" as IndexBuilder has it: nothing but spaces between the two units.
            bool touchesWordBefore = i > 0 && !unit.AfterBreak && _units[i - 1].Kind == UnitKind.Word;
            bool touchesWordAfter = hasNext && !_units[i + 1].AfterBreak && _units[i + 1].Kind == UnitKind.Word;
            if (touchesWordBefore || touchesWordAfter)
            {
                Add([EdgeMarker], character, 0);
            }
        }
    }

    private void Add(ReadOnlySpan<char> first, ReadOnlySpan<char> second, int increment)
    {
        int length = first.Length + second.Length;
        if (_charCount + length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + length));
        }

        first.CopyTo(_chars.AsSpan(_charCount));
        second.CopyTo(_chars.AsSpan(_charCount + first.Length));
        _tokens.Add((_charCount, length, increment));
        _charCount += length;
    }
}

/// <summary>The one analyzer of every text field: <see cref="FoldingBigramTokenizer"/> alone.</summary>
internal sealed class FoldingBigramAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new FoldingBigramTokenizer(reader));

    /// <summary>One empty position between the values of a field (aliases, categories), as IndexBuilder leaves.</summary>
    public override int GetPositionIncrementGap(string fieldName) => 1;
}
