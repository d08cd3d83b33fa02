using System.Buffers;
using System.Diagnostics;
using System.Runtime.InteropServices;
using WikiViewer.Rendering.Syntax;
using WikiViewer.Search;
using WikiViewer.Storage;
using WikiViewer.Store;
using WikiViewer.Titles;

namespace WikiViewer.Loading;

/// <summary>
/// The store file (<see cref="StoreFile"/>) written as the load goes, so that no more than a
/// block of articles is held at once: the sources' Markdown is spooled as files are read
/// (<see cref="AppendSource"/>, read back to be rendered), each block of rendered articles
/// then adds its bodies' HTML to the content section, its plain texts and records to spools
/// (the texts follow the bodies there in the end), its links and categories to their lists
/// and its search documents to the index, built in runs under a memory budget
/// (<see cref="IndexBuilder"/>). <see cref="Finish"/> writes the rest.
/// </summary>
internal sealed class StoreWriter : IDisposable
{
    private readonly SectionFileWriter _file;

    // The sources wait here, not in the store: it keeps what readers are served, their HTML.
    private readonly Stream _sourceSpool;
    private readonly SectionFileWriter _sources;

    // Plain texts wait here and follow all the bodies in the content section: a search reads the
    // texts of its results, and packed together, each page of the file the kernel maps holds many.
    private readonly Stream _textSpool;
    private readonly string? _scratchFolder;
    private readonly long _indexBudgetBytes;

    // Set once the names are known (Start).
    private TitleIndex? _titles;
    private ContentRef[] _bodies = [];
    private ContentRef[] _texts = [];
    private string[][] _aliases = [];
    private Stream? _records;
    private long[] _recordStarts = [];
    private IndexBuilder? _index;
    private readonly LinkFiling _links = new();
    private readonly CategoryFiling _categories = new();
    private readonly ArrayBufferWriter<byte> _record = new();
    private int _added;

    /// <param name="scratchFolder">Where the records' spool and the index's runs go; null: they stay in memory.</param>
    /// <param name="indexBudgetBytes">How much memory the search index's postings may take before a run is written out.</param>
    public StoreWriter(SectionFileWriter file, string? scratchFolder, long indexBudgetBytes)
    {
        _file = file;
        _scratchFolder = scratchFolder;
        _indexBudgetBytes = indexBudgetBytes;
        _file.Begin(StoreFile.Content, SectionFileWriter.PageAlignment);
        _sourceSpool = Spool("sources");
        _sources = new SectionFileWriter(_sourceSpool, "wikiviewer-sources"u8);
        _sources.Begin("sources");
        _textSpool = Spool("texts");
    }

    /// <summary>Spools a source's Markdown until it is rendered; one caller at a time.</summary>
    public ContentRef AppendSource(ReadOnlySpan<byte> markdown) => Append(_sources, markdown, ContentKind.Markdown);

    /// <summary>Makes what was spooled readable by <see cref="ReadSource"/>.</summary>
    public void FlushSources() => _sources.Flush();

    /// <summary>A source spooled and flushed before; safe from many threads, also while others are spooled.</summary>
    public byte[] ReadSource(ContentRef item)
    {
        byte[] bytes = GC.AllocateUninitializedArray<byte>(item.Length);
        _sources.ReadBack(item.Offset, bytes);
        return bytes;
    }

    private static ContentRef Append(SectionFileWriter file, ReadOnlySpan<byte> bytes, ContentKind kind)
    {
        var item = ContentRef.Of(file.SectionLength, bytes, kind);
        file.Append(bytes);
        return item;
    }

    private Stream Spool(string what)
    {
        if (_scratchFolder is null)
        {
            return new MemoryStream();
        }

        string path = Path.Combine(_scratchFolder, $"wikiviewer-{what}-{Guid.NewGuid():N}.tmp");
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            // Unlinked at once, the spool lives as long as its handle: a load that is killed leaves
            // no gigabytes behind (Windows deletes a DeleteOnClose file when the process dies).
            File.Delete(path);
        }

        return spool;
    }

    /// <summary>Memory the search index's postings being built take now.</summary>
    public long PostingsBytes => _index?.SizeInBytes ?? 0;

    /// <summary>Distinct names linked to so far.</summary>
    public int LinkKeys => _links.KeyCount;

    /// <summary>Time spent indexing the articles added so far.</summary>
    public TimeSpan Indexing { get; private set; }

    /// <summary>Time spent filing the articles added so far (bodies, texts, records, links and categories), beside their indexing.</summary>
    public TimeSpan Filing { get; private set; }

    /// <summary>How many runs the search index was written out in (0: it was built in memory whole).</summary>
    public int IndexRuns => _index?.RunCount ?? 0;

    /// <summary>The names are known: articles are added from here on in id order.</summary>
    public void Start(TitleIndex titles, long sourceBytes)
    {
        _titles = titles;
        _bodies = new ContentRef[titles.TitleCount];
        _texts = new ContentRef[titles.TitleCount];
        _aliases = new string[titles.TitleCount][];
        _recordStarts = new long[titles.TitleCount + 1];
        _records = Spool("records");
        _index = new IndexBuilder(titles.TitleCount, SearchIndex.PartitionsFor(sourceBytes / 3 /* UTF-8 Chinese: 3 bytes a character */), CpuBound.OneThreadPerCore,
            _scratchFolder, _scratchFolder is null ? long.MaxValue : _indexBudgetBytes);
    }

    /// <summary>The next articles, in id order: each body's HTML and its text appended, filed and indexed.</summary>
    public void Add(IReadOnlyList<RenderedSource> articles)
    {
        var documents = new SearchDocument[articles.Count];
        for (int i = 0; i < articles.Count; i++)
        {
            var article = articles[i];
            documents[i] = new SearchDocument(_titles!.Title(_added + i), article.Aliases, article.Categories, article.PlainText);
        }

        // Filing is one thread's work; the index is built on both cores beside it, so that
        // neither core waits while the other files (docs/benchmarks.md, "Load: filed beside indexing").
        var indexing = Task.Run(() =>
        {
            long started = Stopwatch.GetTimestamp();
            _index!.Add(documents);
            return Stopwatch.GetElapsedTime(started);
        });

        long filing = Stopwatch.GetTimestamp();
        try
        {
            FileArticles(articles);
        }
        catch
        {
            indexing.ContinueWith(static _ => { }, TaskScheduler.Default).Wait(); // stopped before the writer is let go
            throw;
        }

        Filing += Stopwatch.GetElapsedTime(filing);
        Indexing += indexing.GetAwaiter().GetResult();
        _added += articles.Count;
    }

    private void FileArticles(IReadOnlyList<RenderedSource> articles)
    {
        for (int i = 0; i < articles.Count; i++)
        {
            int id = _added + i;
            var article = articles[i];
            _bodies[id] = Append(_file, article.Html, ContentKind.Html);
            _aliases[id] = article.Aliases;
            var text = MemoryMarshal.AsBytes(article.PlainText.AsSpan());
            _texts[id] = ContentRef.Of(_textSpool.Position, text, ContentKind.PlainText);
            _textSpool.Write(text);

            _record.ResetWrittenCount();
            ArticleTable.Pack(new PackedWriter(_record), article.SourceFile, article.Aliases, article.Categories, article.Toc, article.Languages);
            _records!.Write(_record.WrittenSpan);
            _recordStarts[id + 1] = _records.Position;

            foreach (string key in article.LinkKeys)
            {
                _links.Add(key, id);
            }

            _categories.Add(id, article.Categories);
        }
    }

    /// <summary>
    /// A category's own text (the collection's <c>Category/</c>), after the articles, as its HTML.
    /// Of two for one name, the first is kept.
    /// </summary>
    public void AddCategoryText(string name, byte[] html) =>
        _categories.AddText(name, () => Append(_file, html, ContentKind.Html));

    /// <summary>Writes everything after the content section, and the directory: the file is whole.</summary>
    /// <param name="statistics">Asked once the rest is written, so that its elapsed time covers the writing.</param>
    public void Finish(string version, Func<LoadStatistics> statistics, LoadProgress progress)
    {
        if (_titles is null || _added != _titles.TitleCount)
        {
            throw new InvalidOperationException($"{_added} of {_titles?.TitleCount ?? 0} articles were added");
        }

        // Every source is rendered: its spool's disk is given back before the index is written.
        _sourceSpool.Dispose();
        var index = _index!;
        progress.BeginPhase("index", IndexBuilder.FieldCount * index.PartitionCount);

        // The last run written and the builders' memory given back (an aggressive collection
        // decommits what the others keep for reuse) before the lists below are made.
        index.Finish();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        long textsStart = _file.SectionLength;
        AppendSpool(_textSpool);
        for (int id = 0; id < _texts.Length; id++)
        {
            _texts[id] = _texts[id] with { Offset = _texts[id].Offset + textsStart };
        }

        _file.End();
        _file.Write<ContentRef>("articles/bodies", _bodies);
        _file.Write<ContentRef>("articles/texts", _texts);
        WriteRecords();
        StoreFile.WriteTitles(_file, _titles);
        StoreFile.WriteIdLists(_file, "links", _links.ToIdLists());
        _categories.Write(_file);

        var names = new SearchDocument[_titles.TitleCount];
        for (int id = 0; id < names.Length; id++)
        {
            names[id] = new SearchDocument(_titles.Title(id), _aliases[id], [], "");
        }

        SearchIndexSections.Write(_file, [.. Enumerable.Range(0, IndexBuilder.FieldCount).Select(index.Lengths)], index.PartitionCount,
            (name, f, p) =>
            {
                index.WritePartition(_file, name, f, p);
                progress.Advance();
            },
            TitleSuggester.Build(names));
        StoreFile.WriteStatistics(_file, version, statistics());
        _file.Finish();
    }

    public void Dispose()
    {
        _sourceSpool.Dispose();
        _textSpool.Dispose();
        _records?.Dispose();
        _index?.Dispose();
    }

    private void WriteRecords()
    {
        _file.Begin("articles/records");
        AppendSpool(_records!);
        _file.End();
        _file.Write<long>("articles/record-starts", _recordStarts);
    }

    private void AppendSpool(Stream spool)
    {
        spool.Position = 0;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        for (int read; (read = spool.Read(buffer)) > 0;)
        {
            _file.Append(buffer.AsSpan(0, read));
        }

        ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary>
    /// Per link target's key, the ids of the articles that link to it, in id order, keys in the
    /// order first met. Held as one key table and one list of (key, id) pairs for all: at 999,999
    /// articles there are 20 million links to millions of names, and a list object per name
    /// cost more than its ids.
    /// </summary>
    private sealed class LinkFiling
    {
        private const int ChunkShift = 20;
        private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
        private readonly List<long[]> _pairs = [];
        private int[] _counts = new int[1024];
        private long _count;

        public int KeyCount => _keys.Count;

        public void Add(string key, int id)
        {
            if (!_keys.TryGetValue(key, out int entry))
            {
                _keys[key] = entry = _keys.Count;
                if (entry == _counts.Length)
                {
                    Array.Resize(ref _counts, _counts.Length * 2);
                }
            }

            if ((_count >> ChunkShift) == _pairs.Count)
            {
                _pairs.Add(GC.AllocateUninitializedArray<long>(1 << ChunkShift));
            }

            _pairs[(int)(_count >> ChunkShift)][_count & ((1 << ChunkShift) - 1)] = ((long)entry << 32) | (uint)id;
            _count++;
            _counts[entry]++;
        }

        /// <summary>The lists; the pairs come in id order, so each list is too.</summary>
        public IdLists ToIdLists()
        {
            var keys = new string[_keys.Count];
            foreach (var (key, entry) in _keys)
            {
                keys[entry] = key;
            }

            var starts = new int[keys.Length + 1];
            for (int entry = 0; entry < keys.Length; entry++)
            {
                starts[entry + 1] = checked(starts[entry] + _counts[entry]);
            }

            var ids = new int[_count];
            var next = starts[..^1];
            for (long pair = 0; pair < _count; pair++)
            {
                long value = _pairs[(int)(pair >> ChunkShift)][pair & ((1 << ChunkShift) - 1)];
                ids[next[(int)(value >> 32)]++] = (int)value;
            }

            return new IdLists(KeyIndex.Of(StringTable.Of(keys)), starts, ids);
        }
    }

    /// <summary>
    /// Every category, in the order first met: its members in id order, its name as first
    /// written, its text. A category with a text but no member is still a page, as on
    /// zh.wikipedia; of two texts for one name (after folding) the first file's is kept.
    /// </summary>
    private sealed class CategoryFiling
    {
        private readonly List<(string Key, string Name, List<int> Members, ContentRef Text)> _entries = [];
        private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);

        public void Add(int id, IEnumerable<string> categories)
        {
            foreach (string name in categories)
            {
                var members = _entries[Entry(name)].Members;
                if (members.Count == 0 || members[^1] != id)
                {
                    members.Add(id);
                }
            }
        }

        public void AddText(string name, Func<ContentRef> append)
        {
            int entry = Entry(name);
            if (_entries[entry].Text.Kind == (int)ContentKind.None)
            {
                _entries[entry] = _entries[entry] with { Text = append() };
            }
        }

        public void Write(SectionFileWriter file)
        {
            var members = IdLists.Of([.. _entries.Select(c => (c.Key, (IReadOnlyCollection<int>)c.Members))]);
            int[] byName = ArticleLoader.InTitleOrder([.. _entries.Select(c => c.Name)]);
            int[] rank = new int[byName.Length];
            for (int i = 0; i < byName.Length; i++)
            {
                rank[byName[i]] = i;
            }

            int[] largest = [.. Enumerable.Range(0, _entries.Count)
                .OrderByDescending(entry => _entries[entry].Members.Count).ThenBy(entry => rank[entry])
                .Take(StoreFile.LargestCategories)];
            StoreFile.WriteIdLists(file, "categories", members);
            StoreFile.WriteStrings(file, "categories/names", StringTable.Of([.. _entries.Select(c => c.Name)]));
            file.Write<ContentRef>("categories/texts", [.. _entries.Select(c => c.Text)]);
            file.Write<int>("categories/by-name", byName);
            file.Write<int>("categories/largest", largest);
        }

        private int Entry(string name)
        {
            string key = TitleKey.Of(name);
            if (!_byKey.TryGetValue(key, out int entry))
            {
                _byKey[key] = entry = _entries.Count;
                _entries.Add((key, name, [], ContentRef.None));
            }

            return entry;
        }
    }
}

/// <summary>One article rendered: its body's HTML, its text and metadata, the keys of the names it links to.</summary>
internal sealed record RenderedSource(string SourceFile, string[] Aliases, byte[] Html, string PlainText,
    TocEntry[] Toc, string[] Categories, InterlanguageLink[] Languages, string[] LinkKeys);
