namespace WikiViewer.Search;

/// <summary>
/// Immutable byte storage for postings, split into pages so that an index is not limited
/// by the 2 GB array size. Each stored run lies inside one page, so readers get a plain
/// array and offset. An address is (page &lt;&lt; 32) | offset.
/// </summary>
internal sealed class PagedBytes
{
    private readonly byte[][] _pages;

    private PagedBytes(byte[][] pages)
    {
        _pages = pages;
    }

    public long SizeInBytes => _pages.Sum(static page => (long)page.Length);

    public byte[] Page(long address) => _pages[(int)(address >> 32)];

    public static int Offset(long address) => (int)(address & 0xFFFFFFFF);

    /// <summary>Appends runs whose total length is known up front.</summary>
    public sealed class Writer
    {
        private const int PageSize = 1 << 28;

        private readonly List<byte[]> _pages = [];
        private long _remaining;
        private byte[]? _current;
        private int _offset;

        public Writer(long totalBytes)
        {
            _remaining = totalBytes;
        }

        /// <summary>Reserves <paramref name="length"/> contiguous bytes and returns their address.</summary>
        public long Reserve(int length, out Span<byte> destination)
        {
            if (_current is null || _current.Length - _offset < length)
            {
                _current = new byte[Math.Max(length, (int)Math.Min(PageSize, _remaining))];
                _pages.Add(_current);
                _offset = 0;
            }

            long address = ((long)(_pages.Count - 1) << 32) | (uint)_offset;
            destination = _current.AsSpan(_offset, length);
            _offset += length;
            _remaining -= length;
            return address;
        }

        public PagedBytes ToPagedBytes() => new([.. _pages]);
    }
}
