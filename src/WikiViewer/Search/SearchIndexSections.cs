using System.Globalization;
using System.Runtime.InteropServices;
using WikiViewer.Storage;

namespace WikiViewer.Search;

/// <summary>
/// The search index's sections of a store file, read in place: each field's lengths, one
/// section per partition (its eight arrays and its frequent terms' skip tables, after their
/// counts), then the suggester's arrays. A partition is checked against its checksum on its first lookup, not when the
/// file opens: at a million articles the postings are gigabytes, and a restart must take
/// seconds. A partition that does not match finds nothing, and says so once.
/// </summary>
internal static class SearchIndexSections
{
    private const int ArrayCount = 15;
    private const int Alignment = 8;

    public static void Write(SectionFileWriter file, SearchIndex index) =>
        Write(file, [.. index.Fields.Select(f => f.Lengths)], index.Fields[0].Partitions.Count,
            (name, f, p) => WritePartition(file, name, index.Fields[f].Partitions[p], index.Fields[f]), index.Suggester);

    /// <summary>
    /// An index written as it is built: each field's lengths, and <paramref name="writePartition"/>
    /// asked to write each field's partitions in turn as the named sections (<see cref="WritePartition(SectionFileWriter, string, TermPartition)"/>).
    /// </summary>
    public static void Write(SectionFileWriter file, IReadOnlyList<ReadOnlyArray<int>> lengths, int partitionCount,
        Action<string, int, int> writePartition, TitleSuggester suggester)
    {
        for (int f = 0; f < lengths.Count; f++)
        {
            file.Write($"search/{f}/lengths", lengths[f]);
            file.Property($"search/{f}/partitions", partitionCount.ToString(CultureInfo.InvariantCulture));
            for (int p = 0; p < partitionCount; p++)
            {
                writePartition($"search/{f}/{p}", f, p);
            }
        }

        file.Write("search/suggest/key-chars", suggester.KeyChars);
        file.Write("search/suggest/key-starts", suggester.KeyStarts);
        file.Write("search/suggest/document-ids", suggester.DocumentIds);
        file.Write("search/suggest/alias-indexes", suggester.AliasIndexes);
    }

    /// <summary>The index <see cref="Write"/> wrote, over the same documents, read in place.</summary>
    /// <param name="damaged">Told what did not match its checksum, once per partition.</param>
    public static SearchIndex Read(SectionFile file, IReadOnlyList<SearchDocument> documents, Action<string> damaged)
    {
        var fields = new FieldIndex[IndexBuilder.FieldCount];
        for (int f = 0; f < fields.Length; f++)
        {
            var lengths = file.Array<int>($"search/{f}/lengths");
            if (lengths.Length != documents.Count
                || !int.TryParse(file.Properties.GetValueOrDefault($"search/{f}/partitions"), NumberStyles.None, CultureInfo.InvariantCulture, out int count)
                || count < 1)
            {
                throw new InvalidDataException($"the search index's field {f} does not fit {documents.Count} documents");
            }

            var partitions = new TermPartition[count];
            for (int p = 0; p < partitions.Length; p++)
            {
                partitions[p] = ReadPartition(file, $"search/{f}/{p}", damaged);
            }

            fields[f] = new FieldIndex((SearchField)f, partitions, lengths);
        }

        var suggester = new TitleSuggester(documents, file.Array<char>("search/suggest/key-chars"), file.Array<int>("search/suggest/key-starts"),
            file.Array<int>("search/suggest/document-ids"), file.Array<int>("search/suggest/alias-indexes"));
        return new SearchIndex(documents, fields, suggester);
    }

    /// <param name="field">The partition's field, to build its frequent terms' skip tables with; none for a build's run.</param>
    internal static void WritePartition(SectionFileWriter file, string name, TermPartition partition, FieldIndex? field) =>
        WritePartition(file, name, partition.Codes.Span, partition.WordChars.Span, partition.WordStarts.Span, partition.DocumentFrequencies.Span,
            partition.DocsOffsets.Span, partition.PositionsOffsets.Span, partition.Docs.Span, partition.Positions.Span, field);

    /// <summary>
    /// A partition's eight arrays (<see cref="TermPartition"/>) and its frequent terms' skip tables
    /// (<see cref="StoredSkipTables"/>, built here) as one section: their counts, then each, aligned.
    /// </summary>
    internal static void WritePartition(SectionFileWriter file, string name, ReadOnlySpan<long> codes, ReadOnlySpan<char> wordChars, ReadOnlySpan<int> wordStarts,
        ReadOnlySpan<int> documentFrequencies, ReadOnlySpan<int> docsOffsets, ReadOnlySpan<int> positionsOffsets, ReadOnlySpan<byte> docs, ReadOnlySpan<byte> positions,
        FieldIndex? field)
    {
        var tableTerms = new List<int>();
        var tableStarts = new List<int>();
        var columns = new SkipTableColumns();
        for (int term = 0; field is not null && term < documentFrequencies.Length; term++)
        {
            bool isWord = term >= codes.Length;
            if (SkipTable.IsFor(isWord, isWord ? 0 : codes[term], documentFrequencies[term]))
            {
                tableTerms.Add(term);
                tableStarts.Add(columns.Count);
                columns.Add(docs, docsOffsets[term], positions, positionsOffsets[term], documentFrequencies[term], field);
            }
        }

        Span<long> lengths =
        [
            codes.Length, wordChars.Length, wordStarts.Length, documentFrequencies.Length, docsOffsets.Length, positionsOffsets.Length, docs.Length, positions.Length,
            tableTerms.Count, tableStarts.Count, columns.Count, columns.Count, columns.Count, columns.Count, columns.Count,
        ];
        file.Begin(name);
        file.Append(MemoryMarshal.AsBytes(lengths));
        Aligned(file, MemoryMarshal.AsBytes(codes));
        Aligned(file, MemoryMarshal.AsBytes(wordChars));
        Aligned(file, MemoryMarshal.AsBytes(wordStarts));
        Aligned(file, MemoryMarshal.AsBytes(documentFrequencies));
        Aligned(file, MemoryMarshal.AsBytes(docsOffsets));
        Aligned(file, MemoryMarshal.AsBytes(positionsOffsets));
        Aligned(file, docs);
        Aligned(file, positions);
        Aligned(file, MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(tableTerms)));
        Aligned(file, MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(tableStarts)));
        Aligned(file, MemoryMarshal.AsBytes(columns.LastDocuments));
        Aligned(file, MemoryMarshal.AsBytes(columns.DocsOffsets));
        Aligned(file, MemoryMarshal.AsBytes(columns.PositionsOffsets));
        Aligned(file, MemoryMarshal.AsBytes(columns.MaxShares));
        Aligned(file, MemoryMarshal.AsBytes(columns.MinLengths));
        file.End();
    }

    private static void Aligned(SectionFileWriter file, ReadOnlySpan<byte> bytes)
    {
        Span<byte> padding = stackalloc byte[Alignment];
        file.Append(bytes);
        file.Append(padding[..(int)((Alignment - (file.SectionLength % Alignment)) % Alignment)]);
    }

    internal static TermPartition ReadPartition(SectionFile file, string name, Action<string> damaged)
    {
        var (offset, length) = file.Range(name);
        var range = new CheckedRange(file.File, offset, length, file.Checksum(name), () => damaged($"the search index's partition {name}"));
        if (length < ArrayCount * sizeof(long))
        {
            throw new InvalidDataException($"its section {name} is shorter than its counts");
        }

        // Read before the checksum is: a count that does not fit throws here, and one that fits but is wrong is found on the first lookup.
        long[] counts = MemoryMarshal.Cast<byte, long>(file.File.Bytes(offset, ArrayCount * sizeof(long))).ToArray();
        long at = offset + (ArrayCount * sizeof(long));
        ReadOnlyArray<T> Next<T>(int index)
            where T : unmanaged
        {
            long count = counts[index];
            int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
            if (count < 0 || count > (offset + length - at) / size)
            {
                throw new InvalidDataException($"its section {name} holds {count} values that do not fit it");
            }

            var values = file.File.Array<T>(at, (int)count);
            at += ((count * size) + Alignment - 1) / Alignment * Alignment;
            return values;
        }

        var (codes, wordChars, wordStarts, frequencies) = (Next<long>(0), Next<char>(1), Next<int>(2), Next<int>(3));
        var (docsOffsets, positionsOffsets, docs, positions) = (Next<int>(4), Next<int>(5), Next<byte>(6), Next<byte>(7));
        var (tableTerms, tableStarts) = (Next<int>(8), Next<int>(9));
        var columns = new SkipTableColumns.Arrays(Next<int>(10), Next<int>(11), Next<int>(12), Next<double>(13), Next<int>(14));
        if (tableStarts.Length != tableTerms.Length || new[] { columns.DocsOffsets.Length, columns.PositionsOffsets.Length, columns.MaxShares.Length, columns.MinLengths.Length }
            .Any(count => count != columns.LastDocuments.Length))
        {
            throw new InvalidDataException($"its section {name} holds skip tables whose columns differ in length");
        }

        // A build's runs have no tables: their terms' are built on first use, if they are ever searched.
        var stored = tableTerms.Length == 0 ? null : new StoredSkipTables(tableTerms, tableStarts, columns);
        return new TermPartition(codes, wordChars, wordStarts, frequencies, docsOffsets, positionsOffsets, docs, positions, range, stored);
    }
}
