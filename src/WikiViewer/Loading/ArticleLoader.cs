using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using WikiViewer.Rendering;
using WikiViewer.Rendering.Syntax;
using WikiViewer.Search;
using WikiViewer.Store;
using WikiViewer.Titles;

namespace WikiViewer.Loading;

/// <summary>
/// Loads a folder of articles into an <see cref="ArticleStore"/>. Names come
/// first (every file's title and aliases), because a link can only be resolved
/// once every name is known; then each article is rendered once.
/// </summary>
internal sealed class ArticleLoader(ILogger logger)
{
    // A real article is a few hundred KB at most; past this a file is not one.
    internal const long MaxFileBytes = 64L * 1024 * 1024;

    // Reads in flight during the load; the reader threads mostly wait on the disk, which
    // answers more reads at once the more it is asked (docs/benchmarks.md, "Load: 32 file readers").
    private const int ReadsInFlight = 32;

    // Files read but not yet spooled, at most: a slow file holds the others up only this far.
    private const int FilesAhead = 8192;

    // The read buffers kept for reuse, of each size up to the largest (a power of two): a
    // buffer per file was most of what the read phase allocated (docs/benchmarks.md,
    // "Load: sources kept as bytes, only the lead decoded").
    private const int ReadBufferBytes = 1 << 20;
    private const int BuffersPerSize = 256;

    /// <summary>Articles rendered at once, and indexed as one batch: about this many bytes of Markdown, a few hundred articles.</summary>
    internal int RenderBlockBytes { get; init; } = 4 << 20;

    /// <summary>Memory the search index's postings may take while loading before a run is written out (<see cref="IndexBuilder"/>).</summary>
    internal long IndexBudgetBytes { get; init; } = 512L << 20;

    // The heap the rendering may hold beyond the postings before its garbage is collected:
    // the names and lists of a million articles, a block, and room for the collector.
    private const long HeapBeyondPostingsBytes = 1280L << 20;

    /// <summary>
    /// The folder loaded and written as a store file at <paramref name="location"/>, then
    /// opened from there. The load streams: every file is read and its Markdown spooled,
    /// keeping only its names; once every name is known (a link can only be resolved
    /// then), the articles are read back and rendered in blocks in id order, and each block is
    /// written and indexed before the next (<see cref="StoreWriter"/>).
    /// </summary>
    public ArticleStore Load(ContentFolder folder, LoadProgress progress, StoreLocation location)
    {
        var clock = Stopwatch.StartNew();
        var store = location.Write(
            (file, scratch) =>
            {
                using (var writer = new StoreWriter(file, scratch, IndexBudgetBytes))
                {
                    Build(folder, writer, progress, clock);
                }

                // The load's garbage is several times what stays: give it back to the OS before
                // the file is mapped and its sections checked, which the peak would add to.
                long compacting = Stopwatch.GetTimestamp();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                logger.LogInformation("Heap compacted to {HeapMegabytes} MB in {CompactMs} ms", GC.GetTotalMemory(forceFullCollection: false) >> 20,
                    (long)Stopwatch.GetElapsedTime(compacting).TotalMilliseconds);
            },
            folder.Path, () => clock.Elapsed, logger);
        var statistics = store.Statistics;
        logger.LogInformation("Load phases: {Phases}", progress.PhaseTimes());
        logger.LogInformation(
            "Loaded {Articles} articles ({Aliases} aliases) from {Folder} in {ElapsedMs} ms; links: {LinksResolved} resolved, {LinksMissing} missing; {FilesSkipped} files skipped",
            statistics.Articles, statistics.Aliases, folder.Path, (long)statistics.Elapsed.TotalMilliseconds,
            statistics.LinksResolved, statistics.LinksMissing, statistics.FilesSkipped);
        return store;
    }

    private void Build(ContentFolder folder, StoreWriter writer, LoadProgress progress, Stopwatch clock)
    {
        // 1. Every file read, its Markdown spooled, its names kept.
        var (sources, version, sourceBytes) = ReadFolder(folder, writer, progress);
        int skipped = sources.Count(s => s is null);
        var names = new TitleIndex.Builder();
        var accepted = new List<StoredSource>(sources.Length);
        var categoryTexts = new List<StoredSource>();
        foreach (var source in sources.OfType<StoredSource>())
        {
            if (source.Kind == ContentFileKind.CategoryText)
            {
                categoryTexts.Add(source);
                continue;
            }

            if (names.TryAddTitle(source.Names.Title))
            {
                accepted.Add(source);
            }
            else
            {
                skipped++;
                logger.LogWarning("Skipped {File}: another file already has the title {Title}", source.RelativePath, source.Names.Title);
            }
        }

        Array.Clear(sources);
        var aliases = accepted.Select(s => s.Names.Aliases.Where(a => names.TryAddAlias(a, s.Names.Title)).ToArray()).ToArray();

        // 2. Ids are places in title order, known before rendering: blocks are rendered and written in id order.
        progress.BeginPhase("sort", accepted.Count);
        int[] order = InTitleOrder([.. accepted.Select(s => s.Names.Title)]);
        var titles = names.Build(order);
        writer.Start(titles, sourceBytes);

        // 3. Rendered, filed and indexed block by block, from the spool: every source is in it now.
        writer.FlushSources();
        progress.BeginPhase("render", accepted.Count);
        var bodies = new BodyRenderer(titles, logger);
        int resolved = 0, missing = 0;
        long rendering = 0, adding = 0;
        int generation2Collections = -1;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            for (long bytes = 0; end < order.Length && (end == start || bytes < RenderBlockBytes); end++)
            {
                bytes += accepted[order[end]].Markdown.Length;
            }

            long started = Stopwatch.GetTimestamp();
            var block = new RenderedSource[end - start];
            Parallel.For(start, end, CpuBound.OneThreadPerCore, id =>
            {
                int i = order[id];
                var source = accepted[i];
                var (html, plainText, metadata) = bodies.Render(writer.ReadSource(source.Markdown), source.RelativePath);
                block[id - start] = new RenderedSource(source.RelativePath, aliases[i], html, plainText,
                    [.. metadata.Toc], [.. metadata.Categories], [.. metadata.Languages], [.. metadata.LinkKeys.Distinct()]);
                Interlocked.Add(ref resolved, metadata.ResolvedLinks);
                Interlocked.Add(ref missing, metadata.MissingLinks);
            });

            long rendered = Stopwatch.GetTimestamp();
            writer.Add(block);
            rendering += rendered - started;
            adding += Stopwatch.GetTimestamp() - rendered;
            progress.Advance(end - start);
            start = end;

            // What each block held until it was indexed outlives a few collections, and the server
            // collector, with memory to spare, lets it pile up in generation 2 (2 GB of the 3.8 GB
            // peak at a million articles): past a budget it is collected, in the background.
            if (GC.GetTotalMemory(forceFullCollection: false) > IndexBudgetBytes + HeapBeyondPostingsBytes && GC.CollectionCount(2) > generation2Collections)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false);
                generation2Collections = GC.CollectionCount(2);
            }
        }

        logger.LogInformation(
            "Render phase: rendering {RenderingMs} ms, then {AddingMs} ms of bodies, texts, records, links and categories filed ({FilingMs} ms) beside indexing ({IndexingMs} ms); heap {HeapMegabytes} MB at its end, of it postings {PostingsMegabytes} MB, {LinkKeys} link keys",
            (long)Stopwatch.GetElapsedTime(0, rendering).TotalMilliseconds, (long)Stopwatch.GetElapsedTime(0, adding).TotalMilliseconds,
            (long)writer.Filing.TotalMilliseconds, (long)writer.Indexing.TotalMilliseconds, GC.GetTotalMemory(forceFullCollection: false) >> 20, writer.PostingsBytes >> 20, writer.LinkKeys);

        // A category's own text goes through the same pipeline; its links are not an article's, so not backlinks.
        var categoryHtml = new byte[categoryTexts.Count][];
        Parallel.For(0, categoryTexts.Count, CpuBound.OneThreadPerCore, i =>
            categoryHtml[i] = bodies.Render(writer.ReadSource(categoryTexts[i].Markdown), categoryTexts[i].RelativePath).HtmlUtf8);
        for (int i = 0; i < categoryTexts.Count; i++)
        {
            writer.AddCategoryText(categoryTexts[i].Names.Title, categoryHtml[i]);
        }

        writer.Finish(version, () => new LoadStatistics(accepted.Count, titles.AliasCount, resolved, missing, skipped, clock.Elapsed), progress);
        logger.LogInformation("Indexed in {Runs} runs of at most {Megabytes} MB of postings", writer.IndexRuns, IndexBudgetBytes >> 20);
    }

    /// <summary>
    /// The folder listed and every file read (<see cref="ReadAndStore"/>): the files' names
    /// and Markdown's places, by the listing's order (null: skipped), and the folder's version.
    /// The listing itself is let go here: a whole dump's paths are too many to keep through the load.
    /// </summary>
    private (StoredSource?[] Sources, string Version, long SourceBytes) ReadFolder(ContentFolder folder, StoreWriter writer, LoadProgress progress)
    {
        progress.BeginPhase("list", 0);
        var listing = folder.List();
        if (listing.SkippedByFolder.Count > 0)
        {
            logger.LogInformation("Skipped {Count} files in folders that hold no articles: {Folders}",
                listing.SkippedByFolder.Values.Sum(), string.Join(", ", listing.SkippedByFolder.Select(p => $"{p.Key} {p.Value}")));
        }

        var files = listing.Files;
        progress.BeginPhase("read", files.Count);
        var sources = new StoredSource?[files.Count];
        var stamps = new long[files.Count * 2];
        long sourceBytes = ReadAndStore(folder, files, sources, stamps, writer, progress);
        return (sources, VersionOf(files, stamps), sourceBytes);
    }

    // An ICU comparison of two Chinese titles is slow, and a sort makes n log n of
    // them on one core. Sort keys are made once per title, in parallel, and compare
    // as bytes, in the same order (docs/benchmarks.md, "Load: titles sorted by ICU sort keys").
    internal static int[] InTitleOrder(string[] titles)
    {
        var compareInfo = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;
        var keys = new SortKey[titles.Length];
        Parallel.For(0, titles.Length, CpuBound.OneThreadPerCore, i => keys[i] = compareInfo.GetSortKey(titles[i]));
        var order = Enumerable.Range(0, titles.Length).ToArray();
        Array.Sort(order, (a, b) => SortKey.Compare(keys[a], keys[b]) is var c && c != 0 ? c : a.CompareTo(b));
        return order;
    }

    /// <summary>
    /// What a load of the folder as it is now would be identified by (<see cref="ArticleStore.Version"/>),
    /// without reading any file: whether a snapshot still serves it.
    /// </summary>
    public static string VersionOf(ContentFolder folder)
    {
        var files = folder.ListFiles();
        var stamps = new long[files.Count * 2];
        Parallel.For(0, files.Count, CpuBound.OneThreadPerCore, i =>
        {
            try
            {
                Stamp(files[i], out stamps[2 * i], out stamps[(2 * i) + 1]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // As Read stamps a file it cannot read.
            }
        });

        return VersionOf(files, stamps);
    }

    /// <summary>
    /// Identifies what this load serves, for ETags: the code that rendered it and
    /// every file's path, size and modification time (what nginx's ETags use).
    /// </summary>
    private static string VersionOf(IReadOnlyList<string> files, long[] stamps)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(typeof(ArticleLoader).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        for (int i = 0; i < files.Count; i++)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(files[i]));
            hash.AppendData(BitConverter.GetBytes(stamps[2 * i]));
            hash.AppendData(BitConverter.GetBytes(stamps[(2 * i) + 1]));
        }

        return Convert.ToHexString(hash.GetHashAndReset(), 0, 8).ToLowerInvariant();
    }

    /// <summary>
    /// Files are read on <see cref="ReadsInFlight"/> threads of the loader's own and
    /// parsed, as they arrive, by one loop thread per core. From a cold page cache a
    /// read waits on the disk, so many more reads than cores are kept in flight
    /// (docs/benchmarks.md, "Load: 32 file readers"). Each file's Markdown is spooled
    /// in the folder's order, whatever order they are read in, and its buffer then
    /// reused: at most <see cref="FilesAhead"/> files wait to be spooled.
    /// </summary>
    /// <returns>The bytes of Markdown spooled.</returns>
    private long ReadAndStore(ContentFolder folder, IReadOnlyList<string> files, StoredSource?[] sources, long[] stamps, StoreWriter writer, LoadProgress progress)
    {
        using var arrived = new BlockingCollection<(int Index, string RelativePath, ArraySegment<byte> Bytes)>(boundedCapacity: 4096);
        var buffers = ArrayPool<byte>.Create(ReadBufferBytes, BuffersPerSize);
        using var stop = new CancellationTokenSource();
        using var ahead = new SemaphoreSlim(FilesAhead);
        var parsed = new SourceArticle?[files.Count];
        var done = new bool[files.Count];
        var appending = new object();
        int appended = 0;
        long bytesAppended = 0;
        int next = -1;
        int running = ReadsInFlight;
        Exception? failure = null;

        // In the folder's order: the store is the same whatever order the files were read in.
        void Arrived(int i, SourceArticle? source)
        {
            parsed[i] = source;
            Volatile.Write(ref done[i], true);
            lock (appending)
            {
                for (; appended < files.Count && Volatile.Read(ref done[appended]); appended++)
                {
                    if (parsed[appended] is { } ready)
                    {
                        var markdown = writer.AppendSource(ready.Utf8.Span);
                        sources[appended] = new StoredSource(ready.RelativePath, markdown, ready.Names, ready.Kind);
                        bytesAppended += markdown.Length;
                        parsed[appended] = null;
                        Return(buffers, ready.Utf8);
                    }

                    ahead.Release();
                }
            }

            progress.Advance();
        }

        void ReadFiles()
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    // The place is taken before the file: the lowest file not yet spooled always has one.
                    ahead.Wait(stop.Token);
                    int i = Interlocked.Increment(ref next);
                    if (i >= files.Count)
                    {
                        ahead.Release();
                        break;
                    }

                    string relativePath = Path.GetRelativePath(folder.Path, files[i]);
                    if (Read(folder, files[i], relativePath, buffers, out stamps[2 * i], out stamps[(2 * i) + 1]) is { } bytes)
                    {
                        arrived.Add((i, relativePath, bytes), stop.Token);
                    }
                    else
                    {
                        Arrived(i, null);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
                stop.Cancel();
            }
            finally
            {
                if (Interlocked.Decrement(ref running) == 0)
                {
                    arrived.CompleteAdding();
                }
            }
        }

        var readers = new Thread[ReadsInFlight];
        for (int t = 0; t < readers.Length; t++)
        {
            readers[t] = new Thread(ReadFiles) { IsBackground = true, Name = "Article reader" };
            readers[t].Start();
        }

        try
        {
            Parallel.For(0, Environment.ProcessorCount, CpuBound.OneThreadPerCore, _ =>
            {
                foreach (var (i, relativePath, bytes) in arrived.GetConsumingEnumerable())
                {
                    var source = Parse(bytes, relativePath, folder.Classify(files[i]));
                    if (source is null)
                    {
                        Return(buffers, bytes);
                    }

                    Arrived(i, source);
                }
            });
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        finally
        {
            // The readers use the queue until they stop: it is disposed only after them.
            foreach (var reader in readers)
            {
                reader.Join();
            }
        }

        if (failure is not null)
        {
            throw new AggregateException(failure);
        }

        return bytesAppended;
    }

    /// <summary>A file's bytes, in a buffer of <paramref name="buffers"/>, or null (logged) when it is not to be read.</summary>
    private ArraySegment<byte>? Read(ContentFolder folder, string file, string relativePath, ArrayPool<byte> buffers, out long length, out long modified)
    {
        length = modified = 0;
        try
        {
            // One lstat for both the link check and the stamp: a load stats every file.
            var own = new FileInfo(file);
            if (own.Attributes.HasFlag(FileAttributes.ReparsePoint) && folder.LinkTargetOutside(file) is { } target)
            {
                Skip(relativePath, $"a link to '{target}', outside the content folder");
                return null;
            }

            var info = Stamp(own, out length, out modified);
            if (info.Length > MaxFileBytes)
            {
                Skip(relativePath, $"larger than {MaxFileBytes / (1024 * 1024)} MB");
                return null;
            }

            // Not opened: a FIFO would block the load for good and a link to
            // /dev/zero never ends, and both, like any non-regular file, say 0.
            if (info.Length == 0)
            {
                Skip(relativePath, "empty file (0 bytes)");
                return null;
            }

            return ReadAll(file, buffers);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Skip(relativePath, e.Message);
            return null;
        }
    }

    /// <summary>
    /// What the store's version names a file by, its size and modification time, read the
    /// same way by a load and by <see cref="VersionOf(ContentFolder)"/>. A symbolic link's
    /// own size is the length of its target's path: what it points at is judged.
    /// </summary>
    private static FileInfo Stamp(string file, out long length, out long modified) => Stamp(new FileInfo(file), out length, out modified);

    private static FileInfo Stamp(FileInfo info, out long length, out long modified)
    {
        length = modified = 0;
        if (info.Attributes.HasFlag(FileAttributes.ReparsePoint) && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
        {
            info = target;
        }

        length = info.Length;
        modified = info.LastWriteTimeUtc.Ticks;
        return info;
    }

    // Only the lead is decoded before the render pass: decoded whole, every text was kept
    // through the collections of the read phase and encoded to UTF-8 again.
    private static ArraySegment<byte> ReadAll(string file, ArrayPool<byte> buffers)
    {
        using var handle = File.OpenHandle(file);
        long length = RandomAccess.GetLength(handle);
        if (length > MaxFileBytes)
        {
            throw new IOException($"grew past {MaxFileBytes / (1024 * 1024)} MB while loading");
        }

        byte[] buffer = buffers.Rent((int)length);
        try
        {
            int read = 0;
            while (read < length && RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read) is > 0 and int count)
            {
                read += count;
            }

            return new ArraySegment<byte>(buffer, 0, read); // fewer when it shrank meanwhile
        }
        catch
        {
            buffers.Return(buffer);
            throw;
        }
    }

    private static void Return(ArrayPool<byte> buffers, ReadOnlyMemory<byte> bytes)
    {
        if (MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is { Length: > 0 } array)
        {
            buffers.Return(array);
        }
    }

    /// <summary>A file of a folder without the collection's layout: titled by its lead.</summary>
    internal SourceArticle? Parse(ReadOnlyMemory<byte> bytes, string relativePath, string fileStem) =>
        Parse(bytes, relativePath, new ContentFile(ContentFileKind.Article, fileStem));

    /// <summary>A file's bytes to its names, or null (logged) when they are not an article.</summary>
    internal SourceArticle? Parse(ReadOnlyMemory<byte> bytes, string relativePath, ContentFile file)
    {
        if (bytes.Span.IndexOf((byte)0) >= 0)
        {
            return Skip(relativePath, "binary content (NUL bytes), not a text article");
        }

        if (bytes.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        // A dump with one bad byte should not lose the article: invalid sequences
        // are shown as U+FFFD (Encoding.UTF8 decodes so) and the file is named in the log.
        if (!Utf8.IsValid(bytes.Span))
        {
            logger.LogWarning("{File} is not valid UTF-8; invalid bytes are shown as U+FFFD", relativePath);
        }

        if (IsBlank(bytes.Span))
        {
            return Skip(relativePath, "empty file");
        }

        int depth = MarkdownNesting.Depth(bytes.Span);
        if (depth > MarkdownNesting.Limit)
        {
            return Skip(relativePath, $"nested {depth} levels deep (quotes, lists or brackets); at most {MarkdownNesting.Limit} can be rendered");
        }

        if (file.Kind == ContentFileKind.CategoryText)
        {
            return new SourceArticle(relativePath, bytes, new ArticleNames(file.Name, []), file.Kind);
        }

        try
        {
            var names = file.Kind == ContentFileKind.NamedArticle ? LeadReader.ReadNamed(bytes.Span, file.Name) : LeadReader.Read(bytes.Span, file.Name);
            return new SourceArticle(relativePath, bytes, names, file.Kind);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One file the Markdown reader chokes on must not stop the load. A file
            // that names its article is still that article (shown as text if it
            // cannot be rendered either); without its lead, another has no title.
            string reason = $"its lead could not be read ({e.GetType().Name}: {e.Message})";
            if (file.Kind == ContentFileKind.NamedArticle)
            {
                logger.LogWarning("{File}: {Reason}; it is titled by its file name alone", relativePath, reason);
                return new SourceArticle(relativePath, bytes, new ArticleNames(file.Name, []), file.Kind);
            }

            return Skip(relativePath, reason);
        }
    }

    // As string.IsNullOrWhiteSpace would say of the decoded text; an article rarely starts with whitespace.
    private static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        while (Rune.DecodeFromUtf8(utf8, out var rune, out int length) == OperationStatus.Done && Rune.IsWhiteSpace(rune))
        {
            utf8 = utf8[length..];
        }

        return utf8.IsEmpty;
    }

    private SourceArticle? Skip(string relativePath, string reason)
    {
        logger.LogWarning("Skipped {File}: {Reason}", relativePath, reason);
        return null;
    }

    /// <summary>A file read and named, its Markdown spooled.</summary>
    private sealed record StoredSource(string RelativePath, ContentRef Markdown, ArticleNames Names, ContentFileKind Kind);

    internal sealed record SourceArticle(string RelativePath, ReadOnlyMemory<byte> Utf8, ArticleNames Names, ContentFileKind Kind = ContentFileKind.Article);
}
