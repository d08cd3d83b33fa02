using System.Collections.Concurrent;
using System.Numerics;
using System.Text;

namespace WikiViewer.Text;

/// <summary>
/// One OpenCC dictionary group as opencc-js builds it: all its dictionaries in
/// one table, the first dictionary winning a key that several have, matched
/// longest first. Instances are shared between configs and built once.
/// </summary>
internal sealed class OpenCcTable
{
    // Keys are at most this many UTF-16 units (the 1.4.2 data: 15); one bit
    // per length in a uint, bit 0 unused.
    private const int MaxKeyLength = 31;

    // Tables by their dictionary list ("STPhrases,STCharacters"): s2t, s2tw,
    // s2twp and s2hk share their first group, and STPhrases (1 MB) is read once.
    private static readonly ConcurrentDictionary<string, Lazy<OpenCcTable>> Tables = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<Dictionary<string, string>>> Dictionaries = new(StringComparer.Ordinal);

    // Bit n of _lengths[u]: some key of n UTF-16 units starts with unit u. Most
    // units have no bits set and are passed over without hashing anything.
    private readonly uint[] _lengths = new uint[0x10000];

    // The same for the first two units, hashed: most pairs of characters
    // start no key of two or more units, so most positions need no lookup
    // beyond the single character. Collisions only cost a lookup.
    private readonly uint[] _pairLengths = new uint[0x10000];
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Values of the one-unit keys (most of STCharacters), without hashing.
    private readonly string?[] _single = new string?[0x10000];

    private OpenCcTable(Dictionary<string, string> entries)
    {
        _lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (string key in entries.Keys)
        {
            if (key.Length > MaxKeyLength)
            {
                throw new InvalidDataException($"OpenCC key '{key}' is longer than {MaxKeyLength} UTF-16 units.");
            }

            _lengths[key[0]] |= 1u << key.Length;
            if (key.Length == 1)
            {
                _single[key[0]] = entries[key];
            }
            else
            {
                _pairLengths[PairHash(key[0], key[1])] |= 1u << key.Length;
            }
        }
    }

    /// <summary>The table of these dictionaries (file names under Text/Data without .txt), in priority order.</summary>
    internal static OpenCcTable Get(params string[] dictionaries) =>
        Tables.GetOrAdd(string.Join(',', dictionaries), static (_, names) => new Lazy<OpenCcTable>(() => Build(names)), dictionaries).Value;

    /// <summary>One dictionary as read from its embedded resource, shared; callers must not change it.</summary>
    internal static Dictionary<string, string> Dictionary(string name) =>
        Dictionaries.GetOrAdd(name, static n => new Lazy<Dictionary<string, string>>(() => Read(n))).Value;

    private static OpenCcTable Build(string[] dictionaries)
    {
        if (dictionaries.Length == 1)
        {
            return new OpenCcTable(Dictionary(dictionaries[0]));
        }

        var merged = new Dictionary<string, string>(dictionaries.Sum(d => Dictionary(d).Count), StringComparer.Ordinal);
        foreach (string name in dictionaries)
        {
            foreach ((string key, string value) in Dictionary(name))
            {
                merged.TryAdd(key, value);  // the first dictionary wins
            }
        }

        return new OpenCcTable(merged);
    }

    /// <summary>
    /// The longest key that starts at <paramref name="start"/> and ends by
    /// <paramref name="end"/>: its length in UTF-16 units and its value, or 0.
    /// </summary>
    /// <remarks>
    /// opencc-js walks a trie by code points; comparing UTF-16 units is the same
    /// thing here because keys are whole code points and <paramref name="start"/>
    /// is on a code-point boundary, so a match cannot split a surrogate pair.
    /// </remarks>
    internal int Match(string text, int start, int end, out string? value)
    {
        uint lengths = _lengths[text[start]];
        int room = end - start;
        if (room >= 2)
        {
            lengths &= _pairLengths[PairHash(text[start], text[start + 1])] | (1u << 1);
        }

        if (room < MaxKeyLength)
        {
            lengths &= (2u << room) - 1;
        }

        while (lengths > (1u << 1))
        {
            int length = 31 - BitOperations.LeadingZeroCount(lengths);
            if (_lookup.TryGetValue(text.AsSpan(start, length), out value))
            {
                return length;
            }

            lengths &= ~(1u << length);
        }

        value = lengths != 0 ? _single[text[start]] : null;
        return value is null ? 0 : 1;
    }

    private static int PairHash(char first, char second) => (int)((((uint)first << 16) | second) * 2654435761u >> 16);

    /// <summary>True when a key starts with this UTF-16 unit.</summary>
    internal bool MayStartWith(char c) => _lengths[c] != 0;

    // The generator's format: key, a tab, value; sorted, one value per key.
    private static Dictionary<string, string> Read(string name)
    {
        string resourceName = "WikiViewer.Text.Data." + name + ".txt";
        using Stream stream = typeof(OpenCcTable).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource {resourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);

        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            int tab = line.IndexOf('\t');
            if (tab <= 0 || tab == line.Length - 1 || !table.TryAdd(line[..tab], line[(tab + 1)..]))
            {
                throw new InvalidDataException($"{resourceName}:{lineNumber}: expected a new key, a tab and a value.");
            }
        }

        return table;
    }
}
