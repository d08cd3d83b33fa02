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
    }

    public int Count => _titles.TitleCount;

    public TitleIndex Titles => _titles;

    public BodyRenderer Renderer => _renderer;

    /// <summary>Maps every plain text into the process (<see cref="ContentItems.Map"/>); returns their span's bytes.</summary>
    public long MapTexts() => _texts.Map();

    /// <summary>Checks every plain text no read has checked yet (<see cref="ContentItems.CheckAll"/>); returns how many are intact.</summary>
    public int CheckTexts() => _texts.CheckAll(id => Record(id).ReadString(), "plain text");

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
                new MappedText(_texts, id, file, _renderer), toc, categories, languages);
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

    private SearchDocument Document(int id)
    {
        var record = Record(id);
        var (file, aliases, categories) = Head(ref record);
        return new SearchDocument(_titles.Title(id), aliases, categories, new MappedText(_texts, id, file, _renderer));
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
