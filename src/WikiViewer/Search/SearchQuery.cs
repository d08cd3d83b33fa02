using System.Text;
using WikiViewer.Text;

namespace WikiViewer.Search;

/// <summary>One unit of a query term: a CJK code point, or a (normalized, cut) word.</summary>
internal readonly record struct QueryUnit(int CodePoint, string? Word, bool JoinedToPrevious);

/// <summary>An index term at an offset within its query phrase.</summary>
internal readonly record struct QueryToken(TermKey Key, int Offset);

/// <summary>
/// One query term: units with no separator between them (a CJK run, a word, or a mix
/// such as MIM思想), matched as a phrase. CJK runs are looked up as their consecutive
/// bigrams; a lone CJK character as itself, or as an edge character next to a word.
/// </summary>
internal sealed class QueryTerm
{
    public QueryTerm(string key, QueryUnit[] units, QueryToken[] tokens, IEnumerable<QueryTerm>? otherSpellings = null)
    {
        Key = key;
        Units = units;
        Tokens = tokens;
        Spellings = [this, .. otherSpellings ?? []];
        UnitTexts = [.. units.Select(static unit => unit.Word ?? char.ConvertFromUtf32(unit.CodePoint)).Distinct()];
        UnitSources = [.. UnitTexts.Select(static text => TextAnalyzer.SourcesOf(text[0]))];
    }

    /// <summary>The term's normalized units, as one string: equal keys, equal terms.</summary>
    public string Key { get; }

    public QueryUnit[] Units { get; }

    /// <summary>
    /// This term first, then the same word in other regions' vocabulary (网络, 網路 as 网路):
    /// the term matches where any of them occurs.
    /// </summary>
    public QueryTerm[] Spellings { get; }

    /// <summary>Each distinct unit as normalized text: a snippet scans only text that holds them all.</summary>
    public string[] UnitTexts { get; }

    /// <summary>
    /// For each of <see cref="UnitTexts"/>, the raw characters its first character may come
    /// from: text that folds character by character holds the term only if it holds one of each.
    /// </summary>
    public string[] UnitSources { get; }

    public QueryToken[] Tokens { get; }
}

/// <summary>A parsed query: its distinct terms, and its units as one key for exact-name checks.</summary>
internal sealed class SearchQuery
{
    /// <summary>More terms than this add cost and no precision; the rest of the query is ignored.</summary>
    public const int MaxTerms = 32;

    private SearchQuery(IReadOnlyList<QueryTerm> terms, string nameKey, int unitCount)
    {
        Terms = terms;
        NameKey = nameKey;
        UnitCount = unitCount;
    }

    public IReadOnlyList<QueryTerm> Terms { get; }

    /// <summary>The query as <see cref="TextAnalyzer.NameKey"/> would give it.</summary>
    public string NameKey { get; }

    public int UnitCount { get; }

    /// <summary>
    /// The query's terms, each with its spellings in other regions' vocabulary: what
    /// OpenCC's tw2sp, s2twp and s2hk make of the query, term by term. Folding already
    /// meets every variant's characters (網絡, 网络); these add the words (網路).
    /// </summary>
    public static SearchQuery Parse(string? query)
    {
        SearchQuery parsed = ParseTerms(query);
        if (parsed.Terms.Count == 0 || string.IsNullOrEmpty(query))
        {
            return parsed;
        }

        var others = parsed.Terms.Select(static _ => new List<QueryTerm>()).ToArray();
        foreach (string other in OpenCcConverter.RegionalSpellings(query))
        {
            // Term by term, when the conversion kept the query's shape (it keeps separators).
            SearchQuery spelled = ParseTerms(other);
            if (spelled.Terms.Count != parsed.Terms.Count)
            {
                continue;
            }

            for (int t = 0; t < parsed.Terms.Count; t++)
            {
                QueryTerm spelling = spelled.Terms[t];
                if (spelling.Key != parsed.Terms[t].Key && others[t].All(known => known.Key != spelling.Key))
                {
                    others[t].Add(spelling);
                }
            }
        }

        if (others.All(static list => list.Count == 0))
        {
            return parsed;
        }

        var terms = parsed.Terms.Select((term, t) => new QueryTerm(term.Key, term.Units, term.Tokens, others[t])).ToArray();
        return new SearchQuery(terms, parsed.NameKey, parsed.UnitCount);
    }

    private static SearchQuery ParseTerms(string? query)
    {
        string normalized = TextAnalyzer.Normalize(query);
        var terms = new List<QueryTerm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var nameKey = new StringBuilder();
        var units = new List<QueryUnit>();
        var termKey = new StringBuilder();
        int unitCount = 0;
        var tokenizer = new UnitTokenizer(normalized);
        while (tokenizer.MoveNext(out TextUnit unit))
        {
            if (!unit.AdjacentToPrevious)
            {
                AddTerm(units, termKey, terms, seen);
            }

            QueryUnit queryUnit = unit.Kind == UnitKind.Cjk
                ? new QueryUnit(unit.CodePoint, null, unit.JoinedToPrevious)
                : new QueryUnit(0, TextAnalyzer.WordKey(normalized, unit).ToString(), false);
            units.Add(queryUnit);
            ReadOnlySpan<char> text = unit.Kind == UnitKind.Word ? queryUnit.Word : normalized.AsSpan(unit.Start, unit.Length);
            termKey.Append(text).Append('\u0001');
            nameKey.Append(text).Append('\u0001');
            unitCount++;
        }

        AddTerm(units, termKey, terms, seen);
        return new SearchQuery(terms, nameKey.ToString(), unitCount);
    }

    private static void AddTerm(List<QueryUnit> units, StringBuilder termKey, List<QueryTerm> terms, HashSet<string> seen)
    {
        if (units.Count > 0 && terms.Count < MaxTerms && seen.Add(termKey.ToString()))
        {
            terms.Add(new QueryTerm(termKey.ToString(), [.. units], TokensOf(units)));
        }

        units.Clear();
        termKey.Clear();
    }

    private static QueryToken[] TokensOf(List<QueryUnit> units)
    {
        var tokens = new List<QueryToken>(units.Count);
        for (int i = 0; i < units.Count; i++)
        {
            QueryUnit unit = units[i];
            if (unit.Word is not null)
            {
                tokens.Add(new QueryToken(TermKey.ForWord(unit.Word), i));
            }
            else if (unit.JoinedToPrevious)
            {
                tokens.Add(new QueryToken(TermKey.ForCode(TextAnalyzer.BigramKey(units[i - 1].CodePoint, unit.CodePoint)), i - 1));
            }
            else if (i + 1 == units.Count || !units[i + 1].JoinedToPrevious)
            {
                // A CJK character on its own (not the start of a longer run): alone it is the
                // whole term; next to a word it must be found where it touches one.
                long key = units.Count == 1 ? TextAnalyzer.UnigramKey(unit.CodePoint) : TextAnalyzer.EdgeKey(unit.CodePoint);
                tokens.Add(new QueryToken(TermKey.ForCode(key), i));
            }
        }

        return [.. tokens];
    }
}
