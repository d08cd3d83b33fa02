namespace WikiViewer.Search;

/// <summary>
/// A document's plain text, wherever it is kept: a string on the heap (a load from the
/// folder), or UTF-8 read in place from a mapped store snapshot and decoded only when
/// asked, so that a million articles' texts are not a million strings on the heap
/// (docs/benchmarks.md, "Snapshot: article content read in place").
/// </summary>
public abstract class DocumentText
{
    /// <summary>A text held as a string.</summary>
    public static DocumentText Of(string text) => new HeldString(text);

    /// <summary>The whole text; decoded on each call when it is not held as a string.</summary>
    public abstract string Read();

    /// <summary>
    /// A start of the text at least <paramref name="chars"/> UTF-16 units long (all of it when
    /// it is shorter), equal to the start of <see cref="Read"/>: a lead's first sentence
    /// without decoding a long article.
    /// </summary>
    public virtual string Start(int chars) => Read();

    /// <summary>The snippet of the text that shows <paramref name="terms"/> (<see cref="SnippetBuilder"/>).</summary>
    internal virtual string Snippet(IReadOnlyList<QueryTerm> terms) => SnippetBuilder.Build(Read(), terms);

    private sealed class HeldString(string text) : DocumentText
    {
        public override string Read() => text;
    }
}
