using WikiViewer.Search;

namespace WikiViewer.Loading.Snapshots;

/// <summary>The search index's part of a snapshot: each field's lengths and partitions as raw arrays, then the suggester's.</summary>
internal static class SearchIndexSerializer
{
    public static void Write(SnapshotWriter snapshot, SearchIndex index)
    {
        snapshot.Write(index.Fields.Count);
        foreach (FieldIndex field in index.Fields)
        {
            snapshot.Write<int>(field.Lengths);
            snapshot.Write(field.Partitions.Count);
            foreach (TermPartition partition in field.Partitions)
            {
                snapshot.Write<long>(partition.Codes);
                snapshot.Write<char>(partition.WordChars);
                snapshot.Write<int>(partition.WordStarts);
                snapshot.Write<int>(partition.DocumentFrequencies);
                snapshot.Write<int>(partition.DocsOffsets);
                snapshot.Write<int>(partition.PositionsOffsets);
                snapshot.Write<byte>(partition.Docs);
                snapshot.Write<byte>(partition.Positions);
            }
        }

        var suggester = index.Suggester;
        snapshot.Write<char>(suggester.KeyChars);
        snapshot.Write<int>(suggester.KeyStarts);
        snapshot.Write<int>(suggester.DocumentIds);
        snapshot.Write<int>(suggester.AliasIndexes);
    }

    /// <summary>The index <see cref="Write"/> wrote, over the same documents.</summary>
    public static SearchIndex Read(SnapshotReader snapshot, SearchDocument[] documents)
    {
        var fields = new FieldIndex[snapshot.ReadCount()];
        if (fields.Length != IndexBuilder.FieldCount)
        {
            throw new InvalidDataException($"the search index has {fields.Length} fields, not {IndexBuilder.FieldCount}");
        }

        for (int f = 0; f < fields.Length; f++)
        {
            int[] lengths = snapshot.ReadArray<int>();
            var partitions = new TermPartition[snapshot.ReadCount()];
            for (int p = 0; p < partitions.Length; p++)
            {
                partitions[p] = new TermPartition(
                    snapshot.ReadArray<long>(), snapshot.ReadArray<char>(), snapshot.ReadArray<int>(), snapshot.ReadArray<int>(),
                    snapshot.ReadArray<int>(), snapshot.ReadArray<int>(), snapshot.ReadArray<byte>(), snapshot.ReadArray<byte>());
            }

            fields[f] = new FieldIndex(partitions, lengths);
        }

        var suggester = new TitleSuggester(documents, snapshot.ReadArray<char>(), snapshot.ReadArray<int>(), snapshot.ReadArray<int>(), snapshot.ReadArray<int>());
        return new SearchIndex(documents, fields, suggester);
    }
}
