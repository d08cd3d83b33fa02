using System.Runtime.CompilerServices;
using WikiViewer.Storage;

namespace WikiViewer.Search;

/// <summary>
/// Builds the field indexes in batches of documents, each in two parallel steps:
/// <list type="number">
/// <item>tokenize: threads take contiguous runs of the batch's documents (a few runs per core, so
/// that a thread slowed by the collector or the backlink filing beside it holds no other up) and
/// drop each term occurrence into its run's bucket chosen by a hash of the term;</item>
/// <item>index: threads take buckets (partitions) and add their occurrences to that
/// partition's <see cref="PostingsBuilder"/>.</item>
/// </list>
/// Each partition holds a small share of the terms, so its dictionary, term states and
/// postings slices stay close together while it is indexed (with a single dictionary nearly
/// every rare bigram was a cache miss). Occurrences reach a partition in document order, so
/// its postings need no sorting or merging. Results do not depend on the partition count or
/// the batch size.
/// </summary>
internal sealed class IndexBuilder : IDisposable
{
    public const int FieldCount = 4;
    public const int LargeCorpusPartitions = 256;
    public const int DefaultBatchChars = 4_000_000;
    private const int RunsPerCore = 4;

    private static ReadOnlySpan<byte> RunMagic => "WikiViewer index run, format 1\n"u8;

    private readonly int _partitionCount;
    private readonly PostingsBuilder[] _partitions;
    private readonly TokenBuckets[] _runBuckets;
    private readonly int[][] _lengths;
    private readonly FieldIndex?[] _weighed = new FieldIndex?[FieldCount];
    private readonly ParallelOptions _parallel;
    private readonly string? _runFolder;
    private readonly long _budgetBytes;
    private readonly List<SectionFile> _runs = [];
    private readonly TermPartitionMerge _merge = new();
    private SearchDocument[] _batch = [];
    private int _batchStart;
    private int _added;
    private bool _unwritten;
    private TermPartition[][]? _compacted;

    /// <param name="documentCount">How many documents <see cref="Add"/> will be given in all.</param>
    /// <param name="runFolder">
    /// Where postings go once they take more than <paramref name="budgetBytes"/>: written out as a
    /// run (a temporary file, unlinked once mapped), the memory kept for the next documents, and the
    /// runs merged partition by partition at the end (<see cref="TermPartitionMerge"/>). Null: all in memory.
    /// </param>
    public IndexBuilder(int documentCount, int partitionCount, ParallelOptions parallel, string? runFolder = null, long budgetBytes = long.MaxValue)
    {
        _parallel = parallel;
        _partitionCount = partitionCount;
        _runFolder = runFolder;
        _budgetBytes = budgetBytes;
        _partitions = [.. Enumerable.Range(0, partitionCount).Select(static _ => new PostingsBuilder())];
        _runBuckets = [.. Enumerable.Range(0, RunsPerCore * Math.Max(1, Environment.ProcessorCount)).Select(_ => new TokenBuckets(partitionCount))];
        _lengths = [.. Enumerable.Range(0, FieldCount).Select(_ => new int[documentCount])];
    }

    public int PartitionCount => _partitionCount;

    /// <summary>How many runs were written out so far.</summary>
    public int RunCount => _runs.Count;

    public static FieldIndex[] Build(SearchDocument[] documents, int partitionCount, int batchChars, Action<int>? indexed, ParallelOptions parallel)
    {
        using var builder = new IndexBuilder(documents.Length, partitionCount, parallel);
        for (int start = 0; start < documents.Length;)
        {
            int end = start;
            long chars = 0;
            while (end < documents.Length && (end == start || chars < batchChars))
            {
                chars += Size(documents[end]);
                end++;
            }

            builder.Add(documents[start..end]);
            indexed?.Invoke(end - start);
            start = end;
        }

        builder.Finish();
        return [.. Enumerable.Range(0, FieldCount).Select(f => new FieldIndex((SearchField)f, [.. Enumerable.Range(0, partitionCount).Select(p => builder.Partition(f, p))], builder.Lengths(f)))];
    }

    /// <summary>Indexes the next documents (ids from the number added before); the results do not depend on how they are cut into batches.</summary>
    public void Add(SearchDocument[] batch)
    {
        if (_compacted is not null)
        {
            throw new InvalidOperationException("the index is finished");
        }

        long chars = 0;
        foreach (var document in batch)
        {
            chars += Size(document);
        }

        _batch = batch;
        _batchStart = _added;
        IndexBatch(_added, _added + batch.Length, chars);
        _batch = [];
        _added += batch.Length;
        _unwritten |= batch.Length > 0;
        if (_runFolder is not null && SizeInBytes > _budgetBytes)
        {
            WriteRun();
        }
    }

    /// <summary>Memory the postings being built take.</summary>
    public long SizeInBytes => _partitions.Sum(static p => p?.SizeInBytes ?? 0);

    /// <summary>Ends the build: after it, <see cref="Partition"/> and <see cref="Lengths"/> give the index.</summary>
    public void Finish()
    {
        if (_runs.Count > 0)
        {
            if (_unwritten)
            {
                WriteRun();
            }

            _compacted = [];
        }
        else
        {
            var compacted = new TermPartition[_partitionCount][];
            Parallel.For(0, _partitionCount, _parallel, p => compacted[p] = _partitions[p].Compact(FieldCount));
            _compacted = compacted;
        }

        // Let the build-time memory go before the index is written.
        Array.Clear(_partitions);
    }

    /// <summary>The finished partition <paramref name="partition"/> of field <paramref name="field"/>, to search; merged from the runs when there are runs.</summary>
    public TermPartition Partition(int field, int partition)
    {
        if (_runs.Count == 0)
        {
            return Finished()[partition][field];
        }

        Merge(field, partition);
        return _merge.ToPartition();
    }

    /// <summary>Writes the finished partition as the section <paramref name="name"/> (<see cref="SearchIndexSections.Write(SectionFileWriter, IReadOnlyList{ReadOnlyArray{int}}, int, Action{string, int, int}, TitleSuggester)"/>).</summary>
    public void WritePartition(SectionFileWriter file, string name, int field, int partition)
    {
        if (_runs.Count == 0)
        {
            SearchIndexSections.WritePartition(file, name, Finished()[partition][field], Field(field));
            return;
        }

        Merge(field, partition);
        _merge.WriteTo(file, name, Field(field));
    }

    private TermPartition[][] Finished() => _compacted ?? throw new InvalidOperationException("the index is not finished");

    private void Merge(int field, int partition)
    {
        Finished();

        // Each run's part is read once: its pages are let go after, or the merge would end with every
        // run resident. The whole mapping, not the part's range: a fault maps the page cache's large
        // folios whole, other partitions' pages with it (docs/benchmarks.md, "Store: written as the load streams").
        string name = RunSection(field, partition);
        _merge.Merge([.. _runs.Select(run =>
            (SearchIndexSections.ReadPartition(run, name, what => throw new InvalidDataException(what)), run.Array<int>(name + "/last")))]);
        foreach (var run in _runs)
        {
            run.File.Release(0, run.File.Length);
        }
    }

    public ReadOnlyArray<int> Lengths(int field) => _lengths[field];

    /// <summary>The field's lengths and weights alone, which the skip tables a finished partition is written with are built from.</summary>
    private FieldIndex Field(int field) => _weighed[field] ??= new FieldIndex((SearchField)field, [], Lengths(field));

    public void Dispose()
    {
        foreach (var run in _runs)
        {
            run.Dispose();
        }

        _runs.Clear();
    }

    private static string RunSection(int field, int partition) => $"{field}/{partition}";

    /// <summary>Writes the postings so far out as a run and empties the partitions for the next documents.</summary>
    private void WriteRun()
    {
        string path = Path.Combine(_runFolder!, $"wikiviewer-index-{Guid.NewGuid():N}.run");
        try
        {
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 20))
            {
                var writer = new SectionFileWriter(stream, RunMagic);
                var gate = new object();
                Parallel.For(0, _partitionCount, _parallel, p =>
                {
                    var fields = _partitions[p].Compact(FieldCount, out int[][] lastDocuments);
                    _partitions[p].Clear();
                    lock (gate)
                    {
                        for (int f = 0; f < FieldCount; f++)
                        {
                            SearchIndexSections.WritePartition(writer, RunSection(f, p), fields[f], field: null);
                            writer.Write<int>(RunSection(f, p) + "/last", lastDocuments[f]);
                        }
                    }
                });
                writer.Finish();
            }

            _runs.Add(SectionFile.Open(path, RunMagic) ?? throw new InvalidDataException("the index run just written is not one"));
            _unwritten = false;
        }
        finally
        {
            File.Delete(path); // the mapping keeps it until the build is disposed
        }
    }

    private static long Size(SearchDocument document)
    {
        long size = (document.Text?.Length ?? 0) + (document.Title?.Length ?? 0);
        foreach (string alias in document.Aliases ?? [])
        {
            size += alias?.Length ?? 0;
        }

        foreach (string category in document.Categories ?? [])
        {
            size += category?.Length ?? 0;
        }

        return size;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void IndexBatch(int start, int end, long chars)
    {
        // Contiguous runs of documents of about equal size, in document order.
        int runs = (int)Math.Min(_runBuckets.Length, end - start);
        int[] bounds = new int[runs + 1];
        bounds[0] = start;
        long seen = 0;
        for (int d = start, r = 1; d < end && r < runs; d++)
        {
            seen += Size(_batch[d - _batchStart]);
            if (seen >= chars * r / runs)
            {
                bounds[r++] = d + 1;
            }
        }

        for (int r = 1; r <= runs; r++)
        {
            bounds[r] = r == runs ? end : Math.Max(bounds[r], bounds[r - 1]);
        }

        Parallel.For(0, runs, _parallel, r =>
        {
            TokenBuckets buckets = _runBuckets[r];
            buckets.Clear();
            char[] normalized = new char[4096];
            for (int d = bounds[r]; d < bounds[r + 1]; d++)
            {
                TokenizeDocument(d, buckets, ref normalized);
            }
        });

        Parallel.For(0, _partitionCount, _parallel, () => new OccurrenceGrouper(), (p, _, grouper) =>
        {
            grouper.Clear();
            for (int r = 0; r < runs; r++)
            {
                _runBuckets[r].Feed(p, _partitions[p], grouper);
            }

            grouper.FeedTo(_partitions[p]);
            return grouper;
        }, static _ => { });
    }

    private void TokenizeDocument(int document, TokenBuckets buckets, ref char[] normalized)
    {
        SearchDocument source = _batch[document - _batchStart];
        _lengths[(int)SearchField.Title][document] = Tokenize(SearchField.Title, [source.Title], document, buckets, ref normalized);
        _lengths[(int)SearchField.Alias][document] = Tokenize(SearchField.Alias, source.Aliases, document, buckets, ref normalized);
        _lengths[(int)SearchField.Category][document] = Tokenize(SearchField.Category, source.Categories, document, buckets, ref normalized);
        _lengths[(int)SearchField.Body][document] = Tokenize(SearchField.Body, [source.Text], document, buckets, ref normalized);
    }

    /// <summary>Tokenizes the values of one field; returns their number of units.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Tokenize(SearchField field, IReadOnlyList<string?>? values, int document, TokenBuckets buckets, ref char[] buffer)
    {
        if (values is null)
        {
            return 0;
        }

        CharacterCounter characters = buckets.Characters;
        characters.Clear();
        int units = 0;
        int position = 0;
        foreach (string? value in values)
        {
            ReadOnlySpan<char> normalized = TextAnalyzer.NormalizeInto(value, ref buffer);
            int valueUnits = 0;
            TextUnit previous = default;
            bool previousIsEdge = false;
            var tokenizer = new UnitTokenizer(normalized);
            while (tokenizer.MoveNext(out TextUnit unit))
            {
                if (valueUnits++ > 0)
                {
                    position += unit.PositionIncrement - 1;
                }

                bool touchesPrevious = valueUnits > 1 && !unit.AfterBreak;
                if (unit.Kind == UnitKind.Cjk)
                {
                    characters.Add(unit.CodePoint);
                    if (unit.JoinedToPrevious)
                    {
                        long bigram = TextAnalyzer.BigramKey(previous.CodePoint, unit.CodePoint);
                        buckets.AddCode(Partition(bigram), PostingsBuilder.FieldCode(field, bigram), document, position - 1);
                    }

                    previousIsEdge = touchesPrevious && previous.Kind == UnitKind.Word;
                    if (previousIsEdge)
                    {
                        AddEdge(field, unit.CodePoint, document, position, buckets);
                    }
                }
                else
                {
                    if (touchesPrevious && previous.Kind == UnitKind.Cjk && !previousIsEdge)
                    {
                        AddEdge(field, previous.CodePoint, document, position - 1, buckets);
                    }

                    ReadOnlySpan<char> word = TextAnalyzer.WordKey(normalized, unit);
                    buckets.AddWord(_partitionCount == 1 ? 0 : TermKey.PartitionOf(word, _partitionCount), field, word, document, position);
                    previousIsEdge = false;
                }

                previous = unit;
                position++;
            }

            units += valueUnits;

            // A gap between values (aliases, categories), so that no phrase runs from one into the next.
            position++;
        }

        // Single characters go in once per document, with their count.
        for (int i = 0; i < characters.Count; i++)
        {
            long unigram = TextAnalyzer.UnigramKey(characters.CodePoint(i));
            buckets.AddCode(Partition(unigram), PostingsBuilder.FieldCode(field, unigram), document, characters.Frequency(i));
        }

        return units;
    }

    private void AddEdge(SearchField field, int codePoint, int document, int position, TokenBuckets buckets)
    {
        long edge = TextAnalyzer.EdgeKey(codePoint);
        buckets.AddCode(Partition(edge), PostingsBuilder.FieldCode(field, edge), document, position);
    }

    private int Partition(long code) => _partitionCount == 1 ? 0 : TermKey.PartitionOf(code, _partitionCount);

    /// <summary>One run's term occurrences of the current batch, bucketed by partition, in document order.</summary>
    private sealed class TokenBuckets
    {
        private readonly TermOccurrence[][] _codes;
        private readonly int[] _codeCounts;
        private readonly WordToken[][] _words;
        private readonly int[] _wordCounts;
        private char[] _wordChars = new char[4096];
        private int _wordCharCount;

        public CharacterCounter Characters { get; } = new();

        public TokenBuckets(int partitionCount)
        {
            _codes = [.. Enumerable.Range(0, partitionCount).Select(static _ => new TermOccurrence[64])];
            _codeCounts = new int[partitionCount];
            _words = [.. Enumerable.Range(0, partitionCount).Select(static _ => new WordToken[16])];
            _wordCounts = new int[partitionCount];
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void AddCode(int partition, long fieldCode, int document, int position)
        {
            int count = _codeCounts[partition];
            TermOccurrence[] tokens = _codes[partition];
            if (count == tokens.Length)
            {
                Array.Resize(ref _codes[partition], count * 2);
                tokens = _codes[partition];
            }

            tokens[count] = new TermOccurrence(fieldCode, document, position);
            _codeCounts[partition] = count + 1;
        }

        public void AddWord(int partition, SearchField field, ReadOnlySpan<char> word, int document, int position)
        {
            int length = word.Length + 1;
            if (_wordCharCount + length > _wordChars.Length)
            {
                Array.Resize(ref _wordChars, Math.Max(_wordChars.Length * 2, _wordCharCount + length));
            }

            _wordChars[_wordCharCount] = (char)field;
            word.CopyTo(_wordChars.AsSpan(_wordCharCount + 1));

            int count = _wordCounts[partition];
            if (count == _words[partition].Length)
            {
                Array.Resize(ref _words[partition], count * 2);
            }

            _words[partition][count] = new WordToken(_wordCharCount, length, document, position);
            _wordCounts[partition] = count + 1;
            _wordCharCount += length;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        /// <summary>Hands this run's occurrences of a partition to the grouper; words go under their term's key.</summary>
        public void Feed(int partition, PostingsBuilder builder, OccurrenceGrouper grouper)
        {
            grouper.Append(_codes[partition].AsSpan(0, _codeCounts[partition]));

            WordToken[] words = _words[partition];
            for (int i = 0, count = _wordCounts[partition]; i < count; i++)
            {
                WordToken word = words[i];
                long key = builder.WordKey(_wordChars.AsSpan(word.Start, word.Length));
                grouper.Add(new TermOccurrence(key, word.Document, word.Position));
            }
        }

        public void Clear()
        {
            Array.Clear(_codeCounts);
            Array.Clear(_wordCounts);
            _wordCharCount = 0;
        }
    }

    private readonly record struct WordToken(int Start, int Length, int Document, int Position);
}

/// <summary>
/// An occurrence of a term: its key (a field-tagged CJK code from <see cref="PostingsBuilder.Key"/>,
/// or a word's <see cref="PostingsBuilder.WordKey"/>), document and position; for a single
/// CJK character, which is counted per document instead, its frequency in the document.
/// </summary>
internal readonly record struct TermOccurrence(long Key, int Document, int PositionOrFrequency);

/// <summary>
/// Counts the distinct CJK characters of one document field: a count per BMP code point
/// (direct indexing, no hashing; 256 KB per run), a dictionary for the rare others.
/// </summary>
internal sealed class CharacterCounter
{
    private readonly int[] _bmpCounts = new int[0x10000];
    private readonly Dictionary<int, int> _supplementary = [];
    private int[] _codePoints = new int[1024];

    public int Count { get; private set; }

    public int CodePoint(int index) => _codePoints[index];

    public int Frequency(int index)
    {
        int codePoint = _codePoints[index];
        return codePoint < 0x10000 ? _bmpCounts[codePoint] : _supplementary[codePoint];
    }

    /// <summary>Empties the counter, touching only the counts in use.</summary>
    public void Clear()
    {
        for (int i = 0; i < Count; i++)
        {
            int codePoint = _codePoints[i];
            if (codePoint < 0x10000)
            {
                _bmpCounts[codePoint] = 0;
            }
        }

        _supplementary.Clear();
        Count = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int codePoint)
    {
        int before;
        if (codePoint < 0x10000)
        {
            before = _bmpCounts[codePoint]++;
        }
        else
        {
            _supplementary.TryGetValue(codePoint, out before);
            _supplementary[codePoint] = before + 1;
        }

        if (before == 0)
        {
            if (Count == _codePoints.Length)
            {
                Array.Resize(ref _codePoints, Count * 2);
            }

            _codePoints[Count++] = codePoint;
        }
    }
}

/// <summary>
/// Groups a partition's occurrences of one batch by term, keeping document order within each
/// term, so that the partition's dictionary entry, state and postings of a term are touched
/// once per batch rather than once per occurrence (a term occurs about eight times per batch).
/// Its table covers one batch only, so it stays in cache.
/// </summary>
internal sealed class OccurrenceGrouper
{
    private TermOccurrence[] _occurrences = new TermOccurrence[1024];
    private int[] _next = new int[1024];
    private int _count;
    private long[] _slotKeys = new long[2048];
    private int[] _slotGroups = new int[2048];
    private int[] _groupFirst = new int[1024];
    private int[] _groupLast = new int[1024];
    private long[] _groupKeys = new long[1024];
    private int[] _groupTerms = new int[1024];

    public void Clear() => _count = 0;

    public void Add(TermOccurrence occurrence) => Append(new ReadOnlySpan<TermOccurrence>(in occurrence));

    public void Append(ReadOnlySpan<TermOccurrence> occurrences)
    {
        if (_count + occurrences.Length > _occurrences.Length)
        {
            int size = Math.Max(_occurrences.Length * 2, _count + occurrences.Length);
            Array.Resize(ref _occurrences, size);
            _next = new int[size];
        }

        occurrences.CopyTo(_occurrences.AsSpan(_count));
        _count += occurrences.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void FeedTo(PostingsBuilder builder)
    {
        int capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, _count * 2));
        if (_slotKeys.Length < capacity)
        {
            _slotKeys = new long[capacity];
            _slotGroups = new int[capacity];
            _groupFirst = new int[capacity / 2];
            _groupLast = new int[capacity / 2];
        }
        else
        {
            _slotKeys.AsSpan(0, capacity).Clear();
        }

        int mask = capacity - 1;
        int shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
        int groups = 0;
        for (int i = 0; i < _count; i++)
        {
            long key = _occurrences[i].Key;
            int slot = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> shift);
            while (_slotKeys[slot] != 0 && _slotKeys[slot] != key)
            {
                slot = (slot + 1) & mask;
            }

            _next[i] = -1;
            if (_slotKeys[slot] == 0)
            {
                _slotKeys[slot] = key;
                _slotGroups[slot] = groups;
                _groupFirst[groups] = i;
                _groupLast[groups] = i;
                groups++;
            }
            else
            {
                int group = _slotGroups[slot];
                _next[_groupLast[group]] = i;
                _groupLast[group] = i;
            }
        }

        if (_groupKeys.Length < groups)
        {
            _groupKeys = new long[_groupFirst.Length];
            _groupTerms = new int[_groupFirst.Length];
        }

        for (int group = 0; group < groups; group++)
        {
            _groupKeys[group] = _occurrences[_groupFirst[group]].Key;
        }

        builder.AddGroups(_groupKeys.AsSpan(0, groups), _groupTerms.AsSpan(0, groups), _groupFirst, _occurrences, _next);
    }
}
