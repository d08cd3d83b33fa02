using System.Diagnostics;

using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

using LuceneDirectory = Lucene.Net.Store.Directory;

namespace WikiViewer.Search.Lucene;

/// <summary>
/// The same search as <see cref="SearchIndex"/> over a Lucene.Net index on disk, opened
/// read-only through <see cref="MMapDirectory"/>: the postings are file-backed pages, not heap.
/// <para>
/// Terms are <see cref="TextAnalyzer"/>'s (<see cref="FoldingBigramTokenizer"/>), queries are
/// <see cref="SearchQuery"/>'s: each query term is a phrase over the fields title, alias,
/// category and body with <see cref="SearchIndex"/>'s boosts, scored by BM25 with its k1 and
/// b per field (<see cref="FieldSimilarity"/>). Ranking has the same tiers: documents with
/// every term before those with some, then an exact title, then an exact alias. Snippets are
/// <see cref="SnippetBuilder"/>'s, cut from the documents' own text as <see cref="SearchIndex"/>
/// does (the caller's <see cref="SearchDocument"/>s), or from the body stored in the index when
/// it was built with <see cref="LuceneBuildOptions.StoreText"/> and opened without documents.
/// Lucene.Net's stored fields are LZ4 chunks read a byte at a time from the mapped file: loading
/// 20 bodies was 70% of a query's time at 5,000 articles.
/// </para>
/// <para>
/// A hit's <see cref="SearchHit.DocumentId"/> is the document's index in the list it was built
/// from, kept as a numeric doc value: documents are added by several threads at once and
/// merges may join segments out of order, so Lucene's own document numbers are not it.
/// </para>
/// </summary>
public sealed class LuceneSearchIndex : IDisposable
{
    internal const string TitleField = "title";
    internal const string AliasField = "alias";
    internal const string CategoryField = "category";
    internal const string BodyField = "body";
    /// <summary>Names as <see cref="TextAnalyzer.NameKey"/> gives them, untokenized: a title after <see cref="TitleMark"/>, an alias after <see cref="AliasMark"/>.</summary>
    private const string NameField = "name";
    private const char TitleMark = 'T';
    private const char AliasMark = 'A';
    private const string IdField = "id";

    private static readonly (string Field, float Boost)[] FieldBoosts =
    [
        (TitleField, 6f),
        (AliasField, 4f),
        (CategoryField, 1f),
        (BodyField, 1f),
    ];

    private static readonly float TotalBoost = FieldBoosts.Sum(static field => field.Boost);

    private static readonly FieldType IndexedText = Frozen(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS,
    });

    private static readonly FieldType StoredText = Frozen(new FieldType(IndexedText) { IsStored = true });

    private static readonly ISet<string> BodyOnly = new HashSet<string> { BodyField };

    private readonly LuceneDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly string _path;
    private readonly IReadOnlyList<SearchDocument>? _documents;
    private readonly SemaphoreSlim _running = new(Environment.ProcessorCount);

    private LuceneSearchIndex(string path, IReadOnlyList<SearchDocument>? documents)
    {
        _path = path;
        _documents = documents;
        _directory = new MMapDirectory(new DirectoryInfo(path));
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = FieldSimilarity.Instance };
    }

    /// <summary>Answers of costly queries, as <see cref="SearchIndex.Results"/>.</summary>
    internal SearchResultCache Results { get; } = new();

    /// <summary>Documents in the index.</summary>
    public int Count => _reader.NumDocs;

    /// <summary>Segments of the index as opened.</summary>
    public int SegmentCount => _reader.Leaves.Count;

    /// <summary>Bytes of the index's files on disk.</summary>
    public long SizeInBytes => new DirectoryInfo(_path).EnumerateFiles().Sum(static file => file.Length);

    /// <summary>
    /// Indexes <paramref name="documents"/> into a new index at <paramref name="path"/> (what was
    /// there is replaced) and opens it. The writer holds at most about
    /// <see cref="LuceneBuildOptions.RamBufferMegabytes"/> of postings before it writes a segment,
    /// whatever the number of documents.
    /// </summary>
    public static LuceneSearchIndex Build(IReadOnlyList<SearchDocument> documents, string path, LuceneBuildOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new LuceneBuildOptions();
        System.IO.Directory.CreateDirectory(path);
        using (var directory = new MMapDirectory(new DirectoryInfo(path)))
        {
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new FoldingBigramAnalyzer())
            {
                OpenMode = OpenMode.CREATE,
                RAMBufferSizeMB = options.RamBufferMegabytes,
                Similarity = FieldSimilarity.Instance,
            };
            using var writer = new IndexWriter(directory, config);
            Parallel.For(0, documents.Count, options.Parallel ?? new ParallelOptions(), i => writer.AddDocument(ToLucene(i, documents[i], options.StoreText)));
            if (options.ForceMerge)
            {
                writer.ForceMerge(1);
            }

            writer.Commit();
        }

        return Open(path, documents);
    }

    /// <summary>
    /// Opens an index that <see cref="Build"/> wrote, read-only, memory-mapped. Snippets are cut
    /// from <paramref name="documents"/> (the list it was built from) when given.
    /// </summary>
    public static LuceneSearchIndex Open(string path, IReadOnlyList<SearchDocument>? documents = null) => new(path, documents);

    private static Document ToLucene(int id, SearchDocument source, bool storeText)
    {
        var document = new Document();
        if (source.Title is not null)
        {
            document.Add(new Field(TitleField, source.Title, IndexedText));
            document.Add(new StringField(NameField, TitleMark + TextAnalyzer.NameKey(source.Title), Field.Store.NO));
        }

        foreach (string? alias in source.Aliases ?? [])
        {
            if (alias is not null)
            {
                document.Add(new Field(AliasField, alias, IndexedText));
                document.Add(new StringField(NameField, AliasMark + TextAnalyzer.NameKey(alias), Field.Store.NO));
            }
        }

        foreach (string? category in source.Categories ?? [])
        {
            if (category is not null)
            {
                document.Add(new Field(CategoryField, category, IndexedText));
            }
        }

        if (source.Text is not null)
        {
            document.Add(new Field(BodyField, source.Text, storeText ? StoredText : IndexedText));
        }

        document.Add(new NumericDocValuesField(IdField, id));
        return document;
    }

    /// <summary>As <see cref="SearchIndex.Search"/>.</summary>
    public SearchResults Search(string? query, int offset, int limit)
    {
        SearchQuery parsed = SearchQuery.Parse(query);
        if (parsed.Terms.Count == 0 || _reader.NumDocs == 0)
        {
            return SearchResults.Empty;
        }

        var all = new BooleanQuery(disableCoord: true);
        foreach (QueryTerm term in parsed.Terms)
        {
            var anyField = new BooleanQuery(disableCoord: true);
            foreach ((string field, float boost) in FieldBoosts)
            {
                Query inField = FieldQuery(field, term);
                inField.Boost = boost;
                anyField.Add(inField, Occur.SHOULD);
            }

            all.Add(anyField, Occur.SHOULD);
        }

        offset = Math.Max(0, offset);
        int end = (int)Math.Min((long)offset + Math.Max(0, limit), int.MaxValue);

        // Above any relevance a term can add in any field: BM25 gives at most boost × idf × (k1 + 1).
        double idfBound = Math.Log(1 + ((_reader.MaxDoc + 0.5) / 0.5));
        double bound = parsed.Terms.Count * idfBound * (FieldSimilarity.Bm25K1 + 1) * TotalBoost;
        (HashSet<int> titles, HashSet<int> aliases) = DocumentsNamed(parsed.NameKey);
        var collector = new TieredCollector(parsed.Terms.Count, bound, end, titles, aliases);
        _searcher.Search(all, collector);
        if (offset >= collector.Total)
        {
            return new SearchResults(collector.Total, []);
        }

        List<Ranked> ranked = collector.Ranked();
        var hits = new SearchHit[Math.Max(0, ranked.Count - offset)];
        for (int i = offset; i < ranked.Count; i++)
        {
            string? text = _documents is not null ? _documents[ranked[i].Id].Text : _searcher.Doc(ranked[i].LuceneDocument, BodyOnly).Get(BodyField);
            hits[i - offset] = new SearchHit(ranked[i].Id, ranked[i].Score, SnippetBuilder.Build(text, parsed.Terms));
        }

        return new SearchResults(collector.Total, hits);
    }

    /// <summary>As <see cref="SearchIndex.SearchAsync"/>: costly answers kept, one query per core at a time.</summary>
    public async ValueTask<SearchResults> SearchAsync(string? query, int offset, int limit, CancellationToken cancellationToken = default)
    {
        string key = query ?? "";
        if (Results.TryGet(key, offset, limit, out SearchResults cached))
        {
            return cached;
        }

        await _running.WaitAsync(cancellationToken);
        SearchResults results;
        long started = Stopwatch.GetTimestamp();
        try
        {
            results = Search(query, offset, limit);
        }
        finally
        {
            _running.Release();
        }

        Results.Offer(key, offset, limit, results, Stopwatch.GetElapsedTime(started));
        return results;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _running.Dispose();
    }

    /// <summary>The term as a phrase in one field: its tokens at their offsets.</summary>
    private static Query FieldQuery(string field, QueryTerm term)
    {
        if (term.Tokens.Length == 1)
        {
            return new TermQuery(new Term(field, TermText(term.Tokens[0].Key)));
        }

        var phrase = new PhraseQuery();
        foreach (QueryToken token in term.Tokens)
        {
            phrase.Add(new Term(field, TermText(token.Key)), token.Offset);
        }

        return phrase;
    }

    /// <summary>The Lucene term of a <see cref="TermKey"/>, as <see cref="FoldingBigramTokenizer"/> writes it.</summary>
    internal static string TermText(TermKey key)
    {
        if (key.Word is not null)
        {
            return key.Word;
        }

        const long CodePointMask = (1L << 21) - 1;
        long code = key.Code;
        if (TextAnalyzer.IsUnigramKey(code))
        {
            return char.ConvertFromUtf32((int)code);
        }

        if ((code >> 39) == 1)
        {
            return FoldingBigramTokenizer.EdgeMarker + char.ConvertFromUtf32((int)(code & CodePointMask));
        }

        return char.ConvertFromUtf32((int)(code >> 21)) + char.ConvertFromUtf32((int)(code & CodePointMask));
    }

    /// <summary>
    /// Lucene's numbers of the documents whose title, and of those whose alias, is exactly the
    /// query (few): one terms enumerator per segment seeks both, cheaper than two searches.
    /// </summary>
    private (HashSet<int> Titles, HashSet<int> Aliases) DocumentsNamed(string nameKey)
    {
        HashSet<int> titles = [], aliases = [];
        if (nameKey.Length == 0)
        {
            return (titles, aliases);
        }

        var title = new BytesRef(TitleMark + nameKey);
        var alias = new BytesRef(AliasMark + nameKey);
        DocsEnum? docs = null;
        foreach (AtomicReaderContext leaf in _reader.Leaves)
        {
            TermsEnum? terms = leaf.AtomicReader.GetTerms(NameField)?.GetEnumerator();
            if (terms is null)
            {
                continue;
            }

            foreach ((BytesRef key, HashSet<int> found) in new[] { (title, titles), (alias, aliases) })
            {
                if (terms.SeekExact(key))
                {
                    docs = terms.Docs(leaf.AtomicReader.LiveDocs, docs, DocsFlags.NONE);
                    while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                    {
                        found.Add(leaf.DocBase + docs.DocID);
                    }
                }
            }
        }

        return (titles, aliases);
    }

    private readonly record struct Ranked(int LuceneDocument, int Id, double Score);

    /// <summary>
    /// Counts every match and keeps the best <c>capacity</c> by <see cref="SearchIndex"/>'s
    /// tiers: how many query terms a document matched is the number of the top query's clauses
    /// (one per term) whose scorers stand on it, which needs documents in order.
    /// </summary>
    private sealed class TieredCollector(int termCount, double bound, int capacity, HashSet<int> exactTitles, HashSet<int> exactAliases) : ICollector
    {
        // The worst kept hit first: lower score, or the same score and a higher id.
        private static readonly Comparer<(double Score, int Id)> WorstFirst = Comparer<(double Score, int Id)>.Create(
            static (x, y) => x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Id.CompareTo(x.Id));

        private readonly PriorityQueue<Ranked, (double Score, int Id)> _best = new(WorstFirst);
        private Scorer _scorer = null!;
        private Scorer[] _clauses = [];
        private NumericDocValues _ids = null!;
        private int _base;

        public int Total { get; private set; }

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer)
        {
            _scorer = scorer;
            _clauses = termCount > 1 ? [.. scorer.GetChildren().Select(static child => child.Child)] : [];
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            _base = context.DocBase;
            _ids = context.AtomicReader.GetNumericDocValues(IdField);
        }

        public void Collect(int doc)
        {
            Total++;
            int matched = 1;
            if (termCount > 1)
            {
                matched = 0;
                foreach (Scorer clause in _clauses)
                {
                    matched += clause.DocID == doc ? 1 : 0;
                }
            }

            double score = _scorer.GetScore() + ((matched - 1) * 3 * bound);
            int document = _base + doc;
            if (matched == termCount)
            {
                score += (exactTitles.Contains(document) ? 2 : exactAliases.Contains(document) ? 1 : 0) * bound;
            }

            if (capacity == 0)
            {
                return;
            }

            var priority = (score, (int)_ids.Get(doc));
            if (_best.Count < capacity)
            {
                _best.Enqueue(new Ranked(document, priority.Item2, score), priority);
            }
            else if (WorstFirst.Compare(priority, _best.Peek() is var worst ? (worst.Score, worst.Id) : default) > 0)
            {
                _best.DequeueEnqueue(new Ranked(document, priority.Item2, score), priority);
            }
        }

        /// <summary>The kept hits, best first.</summary>
        public List<Ranked> Ranked()
        {
            var ranked = new List<Ranked>(_best.Count);
            while (_best.Count > 0)
            {
                ranked.Add(_best.Dequeue());
            }

            ranked.Reverse();
            return ranked;
        }
    }

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }
}

/// <summary>How <see cref="LuceneSearchIndex.Build"/> writes.</summary>
public sealed record LuceneBuildOptions
{
    /// <summary>Postings the writer holds in memory before it writes a segment.</summary>
    public double RamBufferMegabytes { get; init; } = 256;

    /// <summary>Threads adding documents at once; by default as many as the pool gives.</summary>
    public ParallelOptions? Parallel { get; init; }

    /// <summary>Keep each body in the index too, for snippets when it is opened without its documents.</summary>
    public bool StoreText { get; init; }

    /// <summary>Merge into one segment when done: a longer build, faster queries.</summary>
    public bool ForceMerge { get; init; }
}
