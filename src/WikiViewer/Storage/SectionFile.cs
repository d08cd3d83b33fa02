using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace WikiViewer.Storage;

/// <summary>
/// A file of named sections, mapped read-only and read in place: what a store is on disk.
/// <code>
/// header     magic (the kind of file and its format), directory offset and length (int64 each), XxHash3 of these
/// sections   one after another, each aligned (64 bytes, or a page where asked)
/// directory  packed: the file's properties (name, value), then per section its name, offset, length, XxHash3; then XxHash3 of the directory
/// </code>
/// The header and directory are checked when the file opens; a section's bytes when it is
/// first taken, unless it is taken unchecked (a large section whose parts carry checksums
/// of their own and are checked when first read). A file cut short, a checksum that does
/// not match, a section that does not lie in the file: <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class SectionFile : IDisposable
{
    internal const int HeaderLength = 64;

    private readonly Dictionary<string, (long Offset, long Length, ulong Checksum)> _sections;

    private SectionFile(MappedFile file, Dictionary<string, string> properties, Dictionary<string, (long, long, ulong)> sections)
    {
        File = file;
        Properties = properties;
        _sections = sections;
    }

    public MappedFile File { get; }

    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>
    /// The file at <paramref name="path"/> if it is a section file of this kind (<paramref name="magic"/>
    /// names the kind and format); null when it is another kind or format. Damage throws.
    /// </summary>
    public static SectionFile? Open(string path, ReadOnlySpan<byte> magic)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1);
        return Open(new MappedFile(stream), magic);
    }

    /// <summary>As <see cref="Open(string, ReadOnlySpan{byte})"/>, over a file already mapped; it is disposed when this returns null or throws.</summary>
    public static SectionFile? Open(MappedFile file, ReadOnlySpan<byte> magic)
    {
        try
        {
            if (file.Length < HeaderLength || !file.Bytes(0, magic.Length).SequenceEqual(magic))
            {
                file.Dispose();
                return null;
            }

            var header = file.Bytes(0, HeaderLength);
            int at = Header.MagicLength;
            long directoryOffset = BinaryPrimitives.ReadInt64LittleEndian(header[at..]);
            long directoryLength = BinaryPrimitives.ReadInt64LittleEndian(header[(at + 8)..]);
            if (BinaryPrimitives.ReadUInt64LittleEndian(header[(at + 16)..]) != XxHash3.HashToUInt64(header[..(at + 16)]))
            {
                throw new InvalidDataException("its header does not match its checksum");
            }

            if (directoryOffset < HeaderLength || directoryLength < sizeof(ulong) || directoryOffset > file.Length - directoryLength)
            {
                throw new InvalidDataException($"it is cut short: {file.Length} bytes, its directory ends at {directoryOffset + directoryLength}");
            }

            var directory = file.Bytes(directoryOffset, checked((int)directoryLength));
            var packed = directory[..^sizeof(ulong)];
            if (BinaryPrimitives.ReadUInt64LittleEndian(directory[^sizeof(ulong)..]) != XxHash3.HashToUInt64(packed))
            {
                throw new InvalidDataException("its directory does not match its checksum");
            }

            var reader = new PackedReader(packed);
            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = reader.ReadCount(2); i > 0; i--)
            {
                properties[reader.ReadString()] = reader.ReadString();
            }

            var sections = new Dictionary<string, (long, long, ulong)>(StringComparer.Ordinal);
            for (int i = reader.ReadCount(4); i > 0; i--)
            {
                string name = reader.ReadString();
                long offset = reader.ReadInt64();
                long length = reader.ReadInt64();
                ulong checksum = reader.ReadUInt64();
                if (offset < HeaderLength || length < 0 || offset > directoryOffset - length)
                {
                    throw new InvalidDataException($"its section {name} ({length} bytes at {offset}) does not lie before its directory");
                }

                sections[name] = (offset, length, checksum);
            }

            return new SectionFile(file, properties, sections);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Every section: its name and where it lies.</summary>
    internal IEnumerable<(string Name, long Offset, long Length)> Sections => _sections.Select(s => (s.Key, s.Value.Offset, s.Value.Length));

    /// <summary>Section <paramref name="name"/> as values in place, its checksum checked now.</summary>
    public ReadOnlyArray<T> Array<T>(string name)
        where T : unmanaged
    {
        var (offset, length, checksum) = Section(name);
        if (!File.ChecksumMatches(offset, length, checksum))
        {
            throw new InvalidDataException($"its section {name} does not match its checksum");
        }

        return ArrayUnchecked<T>(name);
    }

    /// <summary>Section <paramref name="name"/> as values in place, not checked: its parts carry checksums of their own.</summary>
    public unsafe ReadOnlyArray<T> ArrayUnchecked<T>(string name)
        where T : unmanaged
    {
        var (offset, length, _) = Section(name);
        if (length % sizeof(T) != 0 || length / sizeof(T) > int.MaxValue)
        {
            throw new InvalidDataException($"its section {name} of {length} bytes is not a whole number of {sizeof(T)}-byte values");
        }

        return File.Array<T>(offset, (int)(length / sizeof(T)));
    }

    /// <summary>The XxHash3 section <paramref name="name"/> was written with, for a reader that checks it in parts or later.</summary>
    public ulong Checksum(string name) => Section(name).Checksum;

    /// <summary>Where section <paramref name="name"/> lies, for one read in parts (such as a content region).</summary>
    public (long Offset, long Length) Range(string name) => Section(name) is var (offset, length, _) ? (offset, length) : default;

    public void Dispose() => File.Dispose();

    private (long Offset, long Length, ulong Checksum) Section(string name) =>
        _sections.TryGetValue(name, out var section) ? section : throw new InvalidDataException($"it has no section {name}");

    /// <summary>The header's fixed layout.</summary>
    internal static class Header
    {
        public const int MagicLength = 32;
    }
}
