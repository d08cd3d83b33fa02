namespace WikiViewer.Storage;

/// <summary>
/// Bytes of a <see cref="MappedFile"/> and the XxHash3 they were written with, checked once,
/// when first used: hashing a large mapped file whole at start would read every page of it.
/// The file is immutable, so one check holds for the mapping's lifetime.
/// </summary>
/// <param name="damaged">Called once, by the first use that finds the bytes do not match.</param>
internal sealed class CheckedRange(MappedFile file, long offset, long length, ulong checksum, Action damaged)
{
    // 0 not checked yet, 1 matches its checksum, -1 does not.
    private int _state;

    public long Offset => offset;

    public long Length => length;

    /// <summary>Whether the bytes match their checksum; hashed on the first call only.</summary>
    public bool IsIntact()
    {
        int state = Volatile.Read(ref _state);
        if (state == 0)
        {
            state = file.ChecksumMatches(offset, length, checksum) ? 1 : -1;
            if (Interlocked.CompareExchange(ref _state, state, 0) == 0 && state < 0)
            {
                damaged();
            }
        }

        return state > 0;
    }

    /// <summary>Maps the range's pages into the process now (<see cref="MappedFile.Map"/>).</summary>
    public void Map() => file.Map(offset, length);

    /// <summary>Whether <paramref name="values"/> lie in this range, so that its checksum covers them.</summary>
    public bool Covers(long valuesOffset, long valuesLength) =>
        valuesOffset >= offset && valuesLength >= 0 && valuesOffset - offset <= length - valuesLength;
}
