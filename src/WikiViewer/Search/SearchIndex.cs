using System.Diagnostics;

namespace WikiViewer.Search;

/// <summary>
/// Full-text index over a fixed list of documents (id = index in that list). Built once,
/// immutable afterwards, safe for concurrent queries.
/// <para>
/// Ranking: documents that contain every query term come before those that contain only
/// some; within that, a document whose title (or else an alias) is exactly the query comes
/// first; then BM25 relevance summed over the fields title, alias, category and body, with
/// title and alias matches weighted well above body matches. The reported
/// <see cref="SearchHit.Score"/> orders the hits: it is the BM25 relevance plus those tiers
/// as multiples of the largest relevance the query could reach.
/// </para>
/// </summary>
public sealed class SearchIndex
{
    /// <summary>
    /// A one-term query whose lists hold more candidates than this is ranked without scoring
    /// them all (<see cref="PrunedRanking"/>), and its count is estimated; below it every match
    /// is scored and counted.
    /// </summary>
    internal const int PruneFromPostings = 5_000;
    private const int SmallCorpusChars = 2_000_000;
    private static readonly int MaxPooledScratch = 2 * Environment.ProcessorCount;

    private readonly IReadOnlyList<SearchDocument> _documents;
    private readonly FieldIndex[] _fields;
    private readonly TitleSuggester _suggester;
    private readonly Stack<QueryScratch> _scratch = new();

    // Searching is CPU-bound: more queries at once than cores only take turns, and
    // the slowest waits behind every other one (docs/benchmarks.md, "Search: one
    // query per core at a time").
    private readonly SemaphoreSlim _running = new(Environment.ProcessorCount);

    internal SearchIndex(IReadOnlyList<SearchDocument> documents, FieldIndex[] fields, TitleSuggester suggester, SearchResultCache? results = null)
    {
        _documents = documents;
        _fields = fields;
        _suggester = suggester;
        Results = results ?? new SearchResultCache();
    }

    /// <summary>Answers of costly queries, kept for the next request that asks the same.</summary>
    internal SearchResultCache Results { get; }

    /// <summary>The index of each field, in <see cref="SearchField"/> order.</summary>
    internal IReadOnlyList<FieldIndex> Fields => _fields;

    internal TitleSuggester Suggester => _suggester;

    /// <summary>Bytes held by the index's own arrays (postings, dictionaries, lengths, suggestion keys); not the documents.</summary>
    public long SizeInBytes => _fields.Sum(static index => index.SizeInBytes) + _suggester.SizeInBytes;

    /// <summary>
    /// Checks every partition read from a store against its checksum now, rather than on its
    /// first lookup, where the first searches would wait for it; returns how many are intact.
    /// </summary>
    public int CheckPartitions() => _fields.Sum(static field => field.Partitions.Count(static partition => partition.IsIntact()));

    /// <summary>
    /// Maps every partition read from a store into the process, so that no lookup waits for a
    /// page fault; returns their bytes. They stay file-backed, pages the OS may drop.
    /// </summary>
    public long MapPartitions() => _fields.Sum(static field => field.Partitions.Sum(static partition => partition.Map()));

    /// <summary>Bytes of encoded postings alone, the bulk of <see cref="SizeInBytes"/>.</summary>
    public long PostingsBytes => _fields.Sum(static index => index.PostingsBytes);

    /// <summary>Distinct terms over all fields.</summary>
    public int TermCount => _fields.Sum(static index => index.TermCount);

    /// <param name="indexed">Called with the number of documents each step indexed, for progress.</param>
    /// <param name="parallel">How many threads the build may take at once; by default as many as the pool gives.</param>
    public static SearchIndex Build(IReadOnlyList<SearchDocument> documents, Action<int>? indexed = null, ParallelOptions? parallel = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        long chars = 0;
        foreach (SearchDocument document in documents)
        {
            chars += document.Text?.Length ?? 0;
        }

        return Build(documents, PartitionsFor(chars), IndexBuilder.DefaultBatchChars, indexed, parallel);
    }

    /// <summary>How many partitions the terms of a corpus of about <paramref name="chars"/> characters are hashed into.</summary>
    internal static int PartitionsFor(long chars) => chars < SmallCorpusChars ? 1 : IndexBuilder.LargeCorpusPartitions;

    /// <summary>
    /// Builds with the terms hashed into <paramref name="partitionCount"/> partitions, reading
    /// documents in batches of about <paramref name="batchChars"/> characters. Results do not depend on either.
    /// </summary>
    internal static SearchIndex Build(IReadOnlyList<SearchDocument> documents, int partitionCount, int batchChars,
        Action<int>? indexed = null, ParallelOptions? parallel = null, SearchResultCache? results = null)
    {
        SearchDocument[] snapshot = [.. documents];
        TitleSuggester? suggester = null;
        FieldIndex[]? fields = null;
        Parallel.Invoke(
            () => suggester = TitleSuggester.Build(snapshot),
            () => fields = IndexBuilder.Build(snapshot, partitionCount, batchChars, indexed, parallel ?? new ParallelOptions()));
        return new SearchIndex(snapshot, fields!, suggester!, results);
    }

    /// <summary>
    /// Documents matching any query term, best first; hits <paramref name="offset"/> to
    /// offset + <paramref name="limit"/>. Any string is a valid query; one without words or
    /// CJK characters matches nothing.
    /// </summary>
    public SearchResults Search(string? query, int offset, int limit) => Search(query, offset, limit, PruneFromPostings);

    /// <param name="pruneFromPostings">From how many candidates a one-term query is pruned; tests lower it.</param>
    internal SearchResults Search(string? query, int offset, int limit, int pruneFromPostings)
    {
        SearchQuery parsed = SearchQuery.Parse(query);
        if (parsed.Terms.Count == 0 || _documents.Count == 0)
        {
            return SearchResults.Empty;
        }

        offset = Math.Max(0, offset);
        int end = (int)Math.Min((long)offset + Math.Max(0, limit), _documents.Count);
        QueryScratch scratch = RentScratch();
        try
        {
            List<(int Document, double Score)> ranked = scratch.Ranked;
            int total = 0;
            bool estimated = parsed.Terms.Count == 1 && end > 0 && scratch.Pruned.TryRank(parsed, _fields, _documents.Count, end,
                pruneFromPostings, (document, byTitle, byAlias) => ExactNameLevel(document, parsed, byTitle, byAlias), ranked, out total);
            if (!estimated)
            {
                total = RankAll(parsed, scratch, end, ranked);
            }
            else if (ranked.Count < end)
            {
                // The best never filled up, so nothing was passed over: every match is here.
                (total, estimated) = (ranked.Count, false);
            }

            if (total == 0)
            {
                return SearchResults.Empty;
            }

            if (offset >= ranked.Count)
            {
                return new SearchResults(total, [], estimated);
            }

            // Snippets mark every spelling a document may hold.
            IReadOnlyList<QueryTerm> marked = parsed.Terms.Any(static term => term.Spellings.Length > 1)
                ? [.. parsed.Terms.SelectMany(static term => term.Spellings)]
                : parsed.Terms;
            var hits = new SearchHit[ranked.Count - offset];
            for (int i = offset; i < ranked.Count; i++)
            {
                (int document, double score) = ranked[i];
                hits[i - offset] = new SearchHit(document, score, _documents[document].Body.Snippet(marked));
            }

            return new SearchResults(total, hits, estimated);
        }
        finally
        {
            scratch.Reset();
            ReturnScratch(scratch);
        }
    }

    /// <summary>Scores every matching document; puts the best <paramref name="count"/> in <paramref name="ranked"/> and returns how many match.</summary>
    private int RankAll(SearchQuery parsed, QueryScratch scratch, int count, List<(int Document, double Score)> ranked)
    {
        ranked.Clear();
        double bound = Score(parsed, scratch);
        List<int> touched = scratch.Touched;
        int termCount = parsed.Terms.Count;
        foreach (int document in touched)
        {
            double score = scratch.Relevance[document] + ((scratch.Matched[document] - 1) * 3 * bound);
            if (scratch.Matched[document] == termCount)
            {
                bool byTitle = scratch.TitleTerms[document] == termCount;
                bool byAlias = scratch.AliasTerms[document] == termCount;
                score += ExactNameLevel(document, parsed, byTitle, byAlias) * bound;
            }

            scratch.Relevance[document] = score;
        }

        if (count > 0)
        {
            var best = new BestDocuments(Math.Min(count, touched.Count));
            foreach (int document in touched)
            {
                best.Offer(document, scratch.Relevance[document]);
            }

            best.Drain(ranked);
        }

        return touched.Count;
    }

    // A lock, not a ConcurrentBag: the bag's Count freezes every thread's list,
    // and two rents a query are uncontended.
    private QueryScratch RentScratch()
    {
        lock (_scratch)
        {
            if (_scratch.TryPop(out QueryScratch? pooled))
            {
                return pooled;
            }
        }

        return new QueryScratch(_documents.Count, _fields.Length);
    }

    private void ReturnScratch(QueryScratch scratch)
    {
        lock (_scratch)
        {
            // Keep enough for the usual concurrency; a burst beyond it allocates and lets go.
            if (_scratch.Count < MaxPooledScratch)
            {
                _scratch.Push(scratch);
            }
        }
    }

    /// <summary>
    /// <see cref="Search"/> for requests: a costly query asked before is answered from
    /// <see cref="Results"/>; otherwise at most one query per core runs at a time, the
    /// others wait their turn in order, without holding a thread.
    /// </summary>
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

    /// <summary>Titles and aliases that start with <paramref name="prefix"/>, at most <paramref name="max"/>.</summary>
    public IReadOnlyList<TitleSuggestion> Suggest(string? prefix, int max) => _suggester.Suggest(prefix, max);

    /// <summary>
    /// Adds each document's BM25 relevance and matched-term count to the scratch arrays;
    /// returns an upper bound of the relevance any document can reach for this query.
    /// </summary>
    private double Score(SearchQuery query, QueryScratch scratch)
    {
        double bound = 0;
        int documentCount = _documents.Count;
        for (int t = 0; t < query.Terms.Count; t++)
        {
            byte mark = (byte)(t + 1);
            int documentFrequency = 0;
            QueryTerm[] spellings = query.Terms[t].Spellings;
            for (int s = 0; s < spellings.Length; s++)
            {
                for (int f = 0; f < _fields.Length; f++)
                {
                    MatchList matches = scratch.MatchesFor(s, f);
                    matches.Clear();
                    scratch.Matcher.Match(_fields[f], spellings[s], matches);
                    for (int i = 0; i < matches.Count; i++)
                    {
                        int document = matches.Document(i);
                        if (scratch.LastTerm[document] == mark)
                        {
                            continue;
                        }

                        scratch.LastTerm[document] = mark;
                        if (scratch.Matched[document]++ == 0)
                        {
                            scratch.Touched.Add(document);
                        }

                        documentFrequency++;
                    }
                }
            }

            if (documentFrequency == 0)
            {
                continue;
            }

            // One idf per term, from the documents it occurs in anywhere and in any spelling, as in BM25F.
            double idf = Math.Log(1 + ((documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));
            bound += idf * (FieldIndex.K1 + 1) * FieldIndex.TotalBoost;
            for (int s = 0; s < spellings.Length; s++)
            {
                for (int f = 0; f < _fields.Length; f++)
                {
                    FieldIndex field = _fields[f];
                    double weight = field.Boost * idf * (FieldIndex.K1 + 1);
                    MatchList matches = scratch.MatchesFor(s, f);
                    // An exact name is the query as typed: only the first spelling counts towards it.
                    byte[]? fieldTerms = s > 0 ? null : f == (int)SearchField.Title ? scratch.TitleTerms : f == (int)SearchField.Alias ? scratch.AliasTerms : null;
                    for (int i = 0; i < matches.Count; i++)
                    {
                        int document = matches.Document(i);
                        scratch.Relevance[document] += weight * field.Share(document, matches.Frequency(i));
                        if (fieldTerms is not null)
                        {
                            fieldTerms[document]++;
                        }
                    }
                }
            }
        }

        return bound;
    }

    /// <summary>
    /// 2 when the title is exactly the query, 1 when an alias is, else 0; <paramref name="byTitle"/>
    /// and <paramref name="byAlias"/> say whether every query term is in the title, in the aliases.
    /// </summary>
    private int ExactNameLevel(int document, SearchQuery query, bool byTitle, bool byAlias)
    {
        // The document is read only when its counts allow an exact name: a store makes it when asked.
        byTitle = byTitle && _fields[(int)SearchField.Title].Length(document) == query.UnitCount;
        if (!byTitle && !byAlias)
        {
            return 0;
        }

        SearchDocument source = _documents[document];
        if (byTitle && TextAnalyzer.NameKey(source.Title) == query.NameKey)
        {
            return 2;
        }

        if (byAlias && source.Aliases is not null)
        {
            foreach (string alias in source.Aliases)
            {
                if (TextAnalyzer.NameKey(alias) == query.NameKey)
                {
                    return 1;
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// Per-query working memory, pooled: dense per-document arrays (12 bytes a document),
    /// cleared through the touched list. Term counts fit a byte: at most <see cref="SearchQuery.MaxTerms"/>.
    /// </summary>
    private sealed class QueryScratch
    {
        public QueryScratch(int documentCount, int fieldCount)
        {
            Relevance = new double[documentCount];
            LastTerm = new byte[documentCount];
            Matched = new byte[documentCount];
            TitleTerms = new byte[documentCount];
            AliasTerms = new byte[documentCount];
            _fieldCount = fieldCount;
        }

        private readonly int _fieldCount;

        // One list per field for each spelling of the term being scored; most terms have one.
        private readonly List<MatchList> _matches = [];

        public MatchList MatchesFor(int spelling, int field)
        {
            int index = (spelling * _fieldCount) + field;
            while (_matches.Count <= index)
            {
                _matches.Add(new MatchList());
            }

            return _matches[index];
        }

        public double[] Relevance { get; }

        /// <summary>1 + the index of the last term that counted this document.</summary>
        public byte[] LastTerm { get; }

        public byte[] Matched { get; }

        public byte[] TitleTerms { get; }

        public byte[] AliasTerms { get; }

        public List<int> Touched { get; } = [];

        public PhraseMatcher Matcher { get; } = new();

        public PrunedRanking Pruned { get; } = new();

        public List<(int Document, double Score)> Ranked { get; } = [];

        public void Reset()
        {
            foreach (int document in Touched)
            {
                Relevance[document] = 0;
                LastTerm[document] = 0;
                Matched[document] = 0;
                TitleTerms[document] = 0;
                AliasTerms[document] = 0;
            }

            Touched.Clear();
            Ranked.Clear();
            foreach (MatchList matches in _matches)
            {
                matches.Clear();
            }
        }
    }
}
