using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace WikiViewer.Storage;

/// <summary>
/// Writes a <see cref="SectionFile"/> front to back into a seekable stream: sections one
/// after another (a section may be written in many appends, so a large one never has to
/// be held whole), then the directory, then the header, which names where the directory
/// is. A writer that stops before <see cref="Finish"/> leaves a file without a valid header.
/// </summary>
internal sealed class SectionFileWriter
{
    public const int DefaultAlignment = 64;
    public const int PageAlignment = 4096;

    private readonly Stream _output;
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle? _handle;
    private readonly byte[] _magic;
    private readonly List<(string Name, long Offset, long Length, ulong Checksum)> _sections = [];
    private readonly List<(string Name, string Value)> _properties = [];
    private readonly XxHash3 _hash = new();
    private string? _open;
    private long _openStart;
    private long _flushed;

    /// <param name="magic">The kind of file and its format, at most <see cref="SectionFile.Header.MagicLength"/> bytes.</param>
    public SectionFileWriter(Stream output, ReadOnlySpan<byte> magic)
    {
        if (magic.Length > SectionFile.Header.MagicLength)
        {
            throw new ArgumentException("a magic of more than 32 bytes", nameof(magic));
        }

        _output = output;
        _handle = (output as FileStream)?.SafeFileHandle;
        _magic = magic.ToArray();
        _output.Write(new byte[SectionFile.HeaderLength]);
    }

    /// <summary>Where the next byte goes, from the file's start.</summary>
    public long Position => _output.Position;

    /// <summary>How many bytes the open section holds so far.</summary>
    public long SectionLength => _output.Position - _openStart;

    public void Property(string name, string value) => _properties.Add((name, value));

    public void Write<T>(string name, ReadOnlySpan<T> values, int alignment = DefaultAlignment)
        where T : unmanaged
    {
        Begin(name, alignment);
        Append(MemoryMarshal.AsBytes(values));
        End();
    }

    public void Write<T>(string name, ReadOnlyArray<T> values, int alignment = DefaultAlignment)
        where T : unmanaged => Write(name, values.Span, alignment);

    /// <summary>Opens section <paramref name="name"/>: what <see cref="Append"/> writes goes into it until <see cref="End"/>.</summary>
    public void Begin(string name, int alignment = DefaultAlignment)
    {
        if (_open is not null)
        {
            throw new InvalidOperationException($"section {_open} is still open");
        }

        long padding = (alignment - (_output.Position % alignment)) % alignment;
        _output.Write(new byte[padding]);
        _open = name;
        _openStart = _output.Position;
        _hash.Reset();
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        _hash.Append(bytes);
        _output.Write(bytes);
    }

    /// <summary>Hands what was appended to the file (or stream), so that <see cref="ReadBack"/> sees it.</summary>
    public void Flush()
    {
        _output.Flush();
        Volatile.Write(ref _flushed, _output.Position);
    }

    /// <summary>
    /// Bytes of the open section, from <paramref name="offset"/> within it, written before the
    /// last <see cref="Flush"/>: a load reads back what it wrote instead of holding it. Safe
    /// from many threads at once, and while appends go on.
    /// </summary>
    public void ReadBack(long offset, Span<byte> destination)
    {
        long at = _openStart + offset;
        if (_open is null || offset < 0 || at + destination.Length > Volatile.Read(ref _flushed))
        {
            throw new ArgumentOutOfRangeException(nameof(offset), "not within what the open section flushed");
        }

        if (_handle is not null)
        {
            while (!destination.IsEmpty)
            {
                int read = RandomAccess.Read(_handle, destination, at);
                if (read == 0)
                {
                    throw new EndOfStreamException("the section was not flushed");
                }

                destination = destination[read..];
                at += read;
            }
        }
        else if (_output is MemoryStream memory)
        {
            memory.GetBuffer().AsSpan(checked((int)at), destination.Length).CopyTo(destination);
        }
        else
        {
            throw new NotSupportedException("reading back needs a file or a memory stream");
        }
    }

    public void End()
    {
        _sections.Add((_open ?? throw new InvalidOperationException("no section is open"), _openStart, _output.Position - _openStart, _hash.GetCurrentHashAsUInt64()));
        _open = null;
    }

    /// <summary>Writes the directory and the header; the file is whole from then on.</summary>
    public void Finish()
    {
        if (_open is not null)
        {
            throw new InvalidOperationException($"section {_open} is still open");
        }

        var directory = new ArrayBufferWriter<byte>();
        var packed = new PackedWriter(directory);
        packed.Write(_properties.Count);
        foreach (var (name, value) in _properties)
        {
            packed.Write(name);
            packed.Write(value);
        }

        packed.Write(_sections.Count);
        foreach (var (name, offset, length, checksum) in _sections)
        {
            packed.Write(name);
            packed.Write(offset);
            packed.Write(length);
            packed.Write(checksum);
        }

        long directoryOffset = _output.Position;
        _output.Write(directory.WrittenSpan);
        Span<byte> number = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(number, XxHash3.HashToUInt64(directory.WrittenSpan));
        _output.Write(number);

        byte[] header = new byte[SectionFile.HeaderLength];
        _magic.CopyTo(header, 0);
        int at = SectionFile.Header.MagicLength;
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(at), directoryOffset);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(at + 8), directory.WrittenCount + sizeof(ulong));
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(at + 16), XxHash3.HashToUInt64(header.AsSpan(0, at + 16)));
        _output.Flush();
        _output.Position = 0;
        _output.Write(header);
        _output.Flush();
    }
}
