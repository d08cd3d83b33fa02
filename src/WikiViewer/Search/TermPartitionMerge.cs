using System.Buffers;
using WikiViewer.Storage;

namespace WikiViewer.Search;

/// <summary>
/// One partition of one field built in runs of documents (each run the next documents in id
/// order, written out when the build's memory budget is spent) merged into the partition a
/// single build would have made, byte for byte: terms in the same sorted order, each term's
/// postings the runs' one after another. Only the first document delta of a run changes: it
/// was counted from -1, and now counts from the run before's last document of that term.
/// Positions are counted from 0 in every document, so they are copied as they are.
/// </summary>
internal static class TermPartitionMerge
{
    /// <summary>The merged partition, in arrays of its own: the runs' may be released once it is made.</summary>
    public static TermPartition Merge(IReadOnlyList<(TermPartition Terms, ReadOnlyArray<int> LastDocuments)> runs)
    {
        var codes = new List<long>();
        var wordChars = new ArrayBufferWriter<char>();
        var wordStarts = new List<int> { 0 };
        var frequencies = new List<int>();
        var docsOffsets = new List<int>();
        var positionsOffsets = new List<int>();
        var docs = new ArrayBufferWriter<byte>();
        var positions = new ArrayBufferWriter<byte>();

        int[] next = new int[runs.Count]; // each run's next term
        int[] members = new int[runs.Count];
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
                codes.Add(first.Codes[term]);
            }
            else
            {
                wordChars.Write(Word(first, term));
                wordStarts.Add(wordChars.WrittenCount);
            }

            docsOffsets.Add(docs.WrittenCount);
            positionsOffsets.Add(positions.WrittenCount);
            int frequency = 0;
            int last = -1;
            for (int m = 0; m < count; m++)
            {
                var (terms, lastDocuments) = runs[members[m]];
                int k = next[members[m]]++;
                frequency += terms.DocumentFrequencies[k];
                AppendDocs(docs, Span(terms.Docs, terms.DocsOffsets, k), last);
                positions.Write(Span(terms.Positions, terms.PositionsOffsets, k));
                last = lastDocuments[k];
            }

            frequencies.Add(frequency);
        }

        return new TermPartition(codes.ToArray(), wordChars.WrittenSpan.ToArray(), wordStarts.ToArray(), frequencies.ToArray(), docsOffsets.ToArray(), positionsOffsets.ToArray(),
            docs.WrittenSpan.ToArray(), positions.WrittenSpan.ToArray());
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

        return aIsCode ? a.Codes[i].CompareTo(b.Codes[j]) : Word(a, i).SequenceCompareTo(Word(b, j));
    }

    private static ReadOnlySpan<char> Word(TermPartition terms, int term)
    {
        int w = term - terms.Codes.Length;
        int start = terms.WordStarts[w];
        return terms.WordChars.Span[start..terms.WordStarts[w + 1]];
    }

    private static ReadOnlySpan<byte> Span(ReadOnlyArray<byte> bytes, ReadOnlyArray<int> offsets, int term)
    {
        int start = offsets[term];
        int end = term + 1 < offsets.Length ? offsets[term + 1] : bytes.Length;
        return bytes.Span[start..end];
    }

    /// <summary>A run's postings of one term after <paramref name="last"/> (-1: the term's first run), its first delta counted from there.</summary>
    private static void AppendDocs(ArrayBufferWriter<byte> docs, ReadOnlySpan<byte> run, int last)
    {
        if (last < 0)
        {
            docs.Write(run);
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
        docs.Write(varint[..length]);
        docs.Write(run[at..]);
    }
}
