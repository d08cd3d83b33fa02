using WikiViewer.Storage;

namespace WikiViewer.Search;

/// <summary>
/// One partition of one field built in runs of documents (each run the next documents in id
/// order, written out when the build's memory budget is spent) merged into the partition a
/// single build would have made, byte for byte: terms in the same sorted order, each term's
/// postings the runs' one after another. Only the first document delta of a run changes: it
/// was counted from -1, and now counts from the run before's last document of that term.
/// Positions are counted from 0 in every document, so they are copied as they are.
/// The merged arrays are this merger's own, reused by the next <see cref="Merge"/>: a
/// million-article build merges a thousand partitions, and fresh arrays for each were
/// gigabytes of garbage the collector left resident.
/// </summary>
internal sealed class TermPartitionMerge
{
    private long[] _codes = new long[256];
    private char[] _wordChars = new char[1024];
    private int[] _wordStarts = new int[256];
    private int[] _frequencies = new int[256];
    private int[] _docsOffsets = new int[256];
    private int[] _positionsOffsets = new int[256];
    private byte[] _docs = new byte[4096];
    private byte[] _positions = new byte[4096];
    private int _codeCount, _wordCharCount, _wordCount, _termCount, _docsLength, _positionsLength;
    private int[] _next = [];
    private int[] _members = [];

    /// <summary>Merges the runs' parts of one partition; the result stays here until the next call.</summary>
    public void Merge(IReadOnlyList<(TermPartition Terms, ReadOnlyArray<int> LastDocuments)> runs)
    {
        _codeCount = _wordCharCount = _wordCount = _termCount = _docsLength = _positionsLength = 0;
        _wordStarts[0] = 0;
        if (_next.Length < runs.Count)
        {
            _next = new int[runs.Count];
            _members = new int[runs.Count];
        }

        int[] next = _next; // each run's next term
        int[] members = _members;
        Array.Clear(next);
        while (true)
        {
            // The smallest term any run has next: codes first, then words in ordinal order.
            int count = 0;
            for (int r = 0; r < runs.Count; r++)
            {
                if (next[r] >= runs[r].Terms.TermCount)
                {
                    continue;
                }

                int order = count == 0 ? -1 : Compare(runs[r].Terms, next[r], runs[members[0]].Terms, next[members[0]]);
                if (order < 0)
                {
                    count = 0;
                }

                if (order <= 0)
                {
                    members[count++] = r;
                }
            }

            if (count == 0)
            {
                break;
            }

            var first = runs[members[0]].Terms;
            int term = next[members[0]];
            if (term < first.Codes.Length)
            {
                Add(ref _codes, ref _codeCount, first.Codes[term]);
            }
            else
            {
                Append(ref _wordChars, ref _wordCharCount, first.Word(term));
                Ensure(ref _wordStarts, _wordCount + 2);
                _wordStarts[++_wordCount] = _wordCharCount;
            }

            Ensure(ref _docsOffsets, _termCount + 1);
            Ensure(ref _positionsOffsets, _termCount + 1);
            Ensure(ref _frequencies, _termCount + 1);
            _docsOffsets[_termCount] = _docsLength;
            _positionsOffsets[_termCount] = _positionsLength;
            int frequency = 0;
            int last = -1;
            for (int m = 0; m < count; m++)
            {
                var (terms, lastDocuments) = runs[members[m]];
                int k = next[members[m]]++;
                frequency += terms.DocumentFrequencies[k];
                AppendDocs(terms.DocsOf(k), last);
                Append(ref _positions, ref _positionsLength, terms.PositionsOf(k));
                last = lastDocuments[k];
            }

            _frequencies[_termCount++] = frequency;
        }
    }

    /// <summary>The merged partition written as a section, as <see cref="SearchIndexSections"/> writes any, with <paramref name="field"/>'s skip tables.</summary>
    public void WriteTo(SectionFileWriter file, string name, FieldIndex field) =>
        SearchIndexSections.WritePartition(file, name, _codes.AsSpan(0, _codeCount), _wordChars.AsSpan(0, _wordCharCount), _wordStarts.AsSpan(0, _wordCount + 1),
            _frequencies.AsSpan(0, _termCount), _docsOffsets.AsSpan(0, _termCount), _positionsOffsets.AsSpan(0, _termCount),
            _docs.AsSpan(0, _docsLength), _positions.AsSpan(0, _positionsLength), field);

    /// <summary>A copy of the merged partition, to search.</summary>
    public TermPartition ToPartition() =>
        new(_codes.AsSpan(0, _codeCount).ToArray(), _wordChars.AsSpan(0, _wordCharCount).ToArray(), _wordStarts.AsSpan(0, _wordCount + 1).ToArray(),
            _frequencies.AsSpan(0, _termCount).ToArray(), _docsOffsets.AsSpan(0, _termCount).ToArray(), _positionsOffsets.AsSpan(0, _termCount).ToArray(),
            _docs.AsSpan(0, _docsLength).ToArray(), _positions.AsSpan(0, _positionsLength).ToArray());

    private static void Add<T>(ref T[] array, ref int count, T value)
    {
        Ensure(ref array, count + 1);
        array[count++] = value;
    }

    private static void Append<T>(ref T[] array, ref int count, ReadOnlySpan<T> values)
    {
        Ensure(ref array, count + values.Length);
        values.CopyTo(array.AsSpan(count));
        count += values.Length;
    }

    private static void Ensure<T>(ref T[] array, int length)
    {
        if (length > array.Length)
        {
            Array.Resize(ref array, Math.Max(array.Length * 2, length));
        }
    }

    // Codes sort before words (they come first in a partition), words by their chars.
    private static int Compare(TermPartition a, int i, TermPartition b, int j)
    {
        bool aIsCode = i < a.Codes.Length;
        bool bIsCode = j < b.Codes.Length;
        if (aIsCode != bIsCode)
        {
            return aIsCode ? -1 : 1;
        }

        return aIsCode ? a.Codes[i].CompareTo(b.Codes[j]) : a.Word(i).SequenceCompareTo(b.Word(j));
    }

    /// <summary>A run's postings of one term after <paramref name="last"/> (-1: the term's first run), its first delta counted from there.</summary>
    private void AppendDocs(ReadOnlySpan<byte> run, int last)
    {
        if (last < 0)
        {
            Append(ref _docs, ref _docsLength, run);
            return;
        }

        int at = 0;
        uint entry = PostingCursor.ReadVarint(run, ref at);
        int document = (int)(entry >> 1) - 1; // the run counted its first delta from -1
        uint rewritten = ((uint)(document - last) << 1) | (entry & 1);
        Span<byte> varint = stackalloc byte[5];
        int length = 0;
        while (rewritten >= 0x80)
        {
            varint[length++] = (byte)(rewritten | 0x80);
            rewritten >>= 7;
        }

        varint[length++] = (byte)rewritten;
        Append(ref _docs, ref _docsLength, varint[..length]);
        Append(ref _docs, ref _docsLength, run[at..]);
    }
}
