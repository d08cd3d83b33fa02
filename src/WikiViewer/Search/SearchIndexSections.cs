using WikiViewer.Storage;

namespace WikiViewer.Search;

/// <summary>The search index's sections of a store file: each field's lengths and partitions, then the suggester's arrays.</summary>
internal static class SearchIndexSections
{
    public static void Write(SectionFileWriter file, SearchIndex index)
    {
        for (int f = 0; f < index.Fields.Count; f++)
        {
            FieldIndex field = index.Fields[f];
            string prefix = $"search/{f}";
            file.Write($"{prefix}/lengths", field.Lengths.AsSpan());
            file.Property($"{prefix}/partitions", field.Partitions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            for (int p = 0; p < field.Partitions.Count; p++)
            {
                TermPartition partition = field.Partitions[p];
                string at = $"{prefix}/{p}";
                file.Write($"{at}/codes", partition.Codes.AsSpan());
                file.Write($"{at}/word-chars", partition.WordChars.AsSpan());
                file.Write($"{at}/word-starts", partition.WordStarts.AsSpan());
                file.Write($"{at}/document-frequencies", partition.DocumentFrequencies.AsSpan());
                file.Write($"{at}/docs-offsets", partition.DocsOffsets.AsSpan());
                file.Write($"{at}/positions-offsets", partition.PositionsOffsets.AsSpan());
                file.Write($"{at}/docs", partition.Docs.AsSpan());
                file.Write($"{at}/positions", partition.Positions.AsSpan());
            }
        }

        var suggester = index.Suggester;
        file.Write("search/suggest/key-chars", suggester.KeyChars.AsSpan());
        file.Write("search/suggest/key-starts", suggester.KeyStarts.AsSpan());
        file.Write("search/suggest/document-ids", suggester.DocumentIds.AsSpan());
        file.Write("search/suggest/alias-indexes", suggester.AliasIndexes.AsSpan());
    }

    /// <summary>The index <see cref="Write"/> wrote, over the same documents.</summary>
    public static SearchIndex Read(SectionFile file, IReadOnlyList<SearchDocument> documents)
    {
        var fields = new FieldIndex[IndexBuilder.FieldCount];
        for (int f = 0; f < fields.Length; f++)
        {
            string prefix = $"search/{f}";
            int[] lengths = file.Array<int>($"{prefix}/lengths").Span.ToArray();
            if (lengths.Length != documents.Count
                || !int.TryParse(file.Properties.GetValueOrDefault($"{prefix}/partitions"), out int count) || count < 1)
            {
                throw new InvalidDataException($"the search index's field {f} does not fit {documents.Count} documents");
            }

            var partitions = new TermPartition[count];
            for (int p = 0; p < partitions.Length; p++)
            {
                string at = $"{prefix}/{p}";
                partitions[p] = new TermPartition(
                    Copy<long>(file, $"{at}/codes"), Copy<char>(file, $"{at}/word-chars"), Copy<int>(file, $"{at}/word-starts"),
                    Copy<int>(file, $"{at}/document-frequencies"), Copy<int>(file, $"{at}/docs-offsets"), Copy<int>(file, $"{at}/positions-offsets"),
                    Copy<byte>(file, $"{at}/docs"), Copy<byte>(file, $"{at}/positions"));
            }

            fields[f] = new FieldIndex(partitions, lengths);
        }

        var suggester = new TitleSuggester(documents, Copy<char>(file, "search/suggest/key-chars"), Copy<int>(file, "search/suggest/key-starts"),
            Copy<int>(file, "search/suggest/document-ids"), Copy<int>(file, "search/suggest/alias-indexes"));
        return new SearchIndex(documents, fields, suggester);
    }

    private static T[] Copy<T>(SectionFile file, string name)
        where T : unmanaged => file.Array<T>(name).Span.ToArray();
}
