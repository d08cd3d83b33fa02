using System.Collections;
using WikiViewer.Rendering.Syntax;
using WikiViewer.Search;
using WikiViewer.Storage;
using WikiViewer.Titles;

namespace WikiViewer.Store;

/// <summary>
/// Every article of a store, by id, in place in its store file: the titles (the
/// <see cref="TitleIndex"/>'s), one packed record per article (source file, aliases,
/// categories, contents, interlanguage links) and where its body and plain text lie.
/// An <see cref="Article"/> is made from these when asked for, so that a million of them
/// are not a million objects on the heap.
/// </summary>
internal sealed class ArticleTable
{
    private readonly TitleIndex _titles;
    private readonly ReadOnlyArray<long> _recordStarts;
    private readonly ReadOnlyArray<byte> _records;
    private readonly ContentItems _bodies;
    private readonly ContentItems _texts;
    private readonly BodyRenderer _renderer;
    private readonly Func<int, string> _fileOf;

    public ArticleTable(TitleIndex titles, ReadOnlyArray<long> recordStarts, ReadOnlyArray<byte> records, ContentItems bodies, ContentItems texts, BodyRenderer renderer)
    {
        int count = titles.TitleCount;
        if (recordStarts.Length != count + 1 || bodies.Count != count || texts.Count != count
            || recordStarts[0] != 0 || recordStarts[count] != records.Length)
        {
            throw new InvalidDataException($"an article table of {count} titles has {recordStarts.Length - 1} records, {bodies.Count} bodies and {texts.Count} texts");
        }

        _titles = titles;
        _recordStarts = recordStarts;
        _records = records;
        _bodies = bodies;
        _texts = texts;
        _renderer = renderer;
        _fileOf = id => Record(id).ReadString();
    }

    public int Count => _titles.TitleCount;

    public TitleIndex Titles => _titles;

    public BodyRenderer Renderer => _renderer;

    /// <summary>Maps every plain text into the process (<see cref="ContentItems.Map"/>); returns their span's bytes.</summary>
    public long MapTexts() => _texts.Map();

    /// <summary>Checks every plain text no read has checked yet (<see cref="ContentItems.CheckAll"/>); returns how many are intact.</summary>
    public int CheckTexts() => _texts.CheckAll(_fileOf, "plain text");

    public Article this[int id]
    {
        get
        {
            var record = Record(id);
            var (file, aliases, categories) = Head(ref record);
            var toc = new TocEntry[record.ReadCount(3)];
            for (int i = 0; i < toc.Length; i++)
            {
                toc[i] = new TocEntry(record.ReadInt32(), record.ReadString(), record.ReadString());
            }

            var languages = new InterlanguageLink[record.ReadCount(4)];
            for (int i = 0; i < languages.Length; i++)
            {
                languages[i] = new InterlanguageLink(record.ReadString(), record.ReadString(), record.ReadString(), record.ReadString());
            }

            return new Article(id, _titles.Title(id), aliases, file, new ArticleBody(_bodies, id, file, _renderer),
                new MappedText(_texts, id, _fileOf, _renderer), toc, categories, languages);
        }
    }

    /// <summary>What the search index reads of each article, made when asked for (a hit's snippet, a suggestion).</summary>
    public IReadOnlyList<SearchDocument> SearchDocuments => new DocumentList(this);

    /// <summary>Packs an article's record as <see cref="this[int]"/> reads it.</summary>
    public static void Pack(PackedWriter record, string file, IReadOnlyCollection<string> aliases, IReadOnlyCollection<string> categories,
        IReadOnlyCollection<TocEntry> toc, IReadOnlyCollection<InterlanguageLink> languages)
    {
        record.Write(file);
        record.Write(aliases);
        record.Write(categories);
        record.Write(toc.Count);
        foreach (var entry in toc)
        {
            record.Write(entry.Level);
            record.Write(entry.Text);
            record.Write(entry.Id);
        }

        record.Write(languages.Count);
        foreach (var language in languages)
        {
            record.Write(language.Language);
            record.Write(language.LanguageName);
            record.Write(language.Title);
            record.Write(language.Url);
        }
    }

    private PackedReader Record(int id)
    {
        long start = _recordStarts[id];
        long end = _recordStarts[id + 1];
        if (start < 0 || start > end || end > _records.Length)
        {
            throw new InvalidDataException($"article {id}'s record spans {start} to {end} of {_records.Length} bytes");
        }

        return new PackedReader(_records.Span[(int)start..(int)end]);
    }

    // What a record starts with, as Pack wrote it: all a search document needs.
    private static (string File, string[] Aliases, string[] Categories) Head(ref PackedReader record) =>
        (record.ReadString(), record.ReadStrings(), record.ReadStrings());

    // A search reads its hits' titles and texts, and a candidate's aliases only to tell an exact
    // name: the record is decoded when they are read, not for every document made.
    private SearchDocument Document(int id) =>
        new(_titles.Title(id), new RecordNames(this, id, categories: false), new RecordNames(this, id, categories: true),
            new MappedText(_texts, id, _fileOf, _renderer));

    /// <summary>An article's aliases or categories, decoded from its record when first read.</summary>
    private sealed class RecordNames(ArticleTable table, int id, bool categories) : IReadOnlyList<string>
    {
        private string[]? _names;

        private string[] Names => _names ??= Decode();

        public int Count => Names.Length;

        public string this[int index] => Names[index];

        public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)Names).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private string[] Decode()
        {
            var record = table.Record(id);
            var (_, aliases, categoryNames) = Head(ref record);
            return categories ? categoryNames : aliases;
        }
    }

    private sealed class DocumentList(ArticleTable table) : IReadOnlyList<SearchDocument>
    {
        public int Count => table.Count;

        public SearchDocument this[int index] => table.Document(index);

        public IEnumerator<SearchDocument> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
