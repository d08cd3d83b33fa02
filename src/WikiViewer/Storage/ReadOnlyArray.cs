using System.Runtime.CompilerServices;

namespace WikiViewer.Storage;

/// <summary>
/// A read-only run of plain values: an array on the heap, or values in place in a
/// <see cref="MappedFile"/>, which it keeps alive. The same code reads both: hot loops take
/// <see cref="Span"/> once and index that.
/// </summary>
internal readonly unsafe struct ReadOnlyArray<T>
    where T : unmanaged
{
    // The array when _pointer is null (null for default, empty), else the mapped file the
    // pointer lies in, held so that its mapping is not released while these values are read.
    private readonly object? _owner;
    private readonly T* _pointer;
    private readonly int _length;

    public ReadOnlyArray(T[] array)
    {
        _owner = array;
        _length = array.Length;
    }

    /// <summary>Values in place in a mapping; <see cref="MappedFile.Array{T}"/> checks that they lie in it.</summary>
    internal ReadOnlyArray(MappedFile owner, T* pointer, int length)
    {
        _owner = owner;
        _pointer = pointer;
        _length = length;
    }

    public int Length => _length;

    /// <summary>Whether the values are in place in a mapped file rather than on the heap.</summary>
    public bool IsMapped => _pointer is not null;

    public ReadOnlySpan<T> Span
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _pointer is null ? Unsafe.As<T[]?>(_owner) : new ReadOnlySpan<T>(_pointer, _length);
    }

    public T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Span[index];
    }

    /// <summary>The bytes the values take.</summary>
    public long SizeInBytes => (long)_length * sizeof(T);

    public static implicit operator ReadOnlyArray<T>(T[] array) => new(array);
}
