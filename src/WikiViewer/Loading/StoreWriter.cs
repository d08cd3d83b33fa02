using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using WikiViewer.Search;
using WikiViewer.Storage;
using WikiViewer.Store;
using WikiViewer.Titles;
using static WikiViewer.Loading.ArticleLoader;

namespace WikiViewer.Loading;

/// <summary>The last step of a load: the analysed articles written as a store file (<see cref="StoreFile"/>), with their backlinks, categories and search index.</summary>
internal static class StoreWriter
{
    /// <summary>What the file holds beside the analysed articles: backlinks, categories, the search index.</summary>
    internal sealed record PreparedStore(AnalysedFolder Analysed, IdLists Links, List<CategoryEntry> Categories, SearchIndex Search);

    public static PreparedStore Prepare(AnalysedFolder analysed, LoadProgress progress)
    {
        var articles = analysed.Articles;

        // Filing backlinks and categories runs on one core; the search index
        // beside it takes what is left, so the load waits for the longer of the two.
        var filing = Task.Run(() => (Links: LinkLists(articles), Categories: CategoryEntries(articles, analysed.CategoryTexts)));
        var search = SearchIndex.Build(
            [.. articles.Select((a, id) => new SearchDocument(analysed.Titles.Title(id), a.Aliases, a.Categories, a.PlainText))],
            progress.Advance, CpuBound.OneThreadPerCore);
        var (links, categories) = filing.GetAwaiter().GetResult();
        return new PreparedStore(analysed, links, categories, search);
    }

    /// <param name="statistics">Asked once the rest is written, so that its elapsed time covers the writing.</param>
    public static void Write(SectionFileWriter file, PreparedStore prepared, Func<LoadStatistics> statistics)
    {
        var (analysed, links, categories, search) = prepared;
        var articles = analysed.Articles;

        var bodies = new ContentRef[articles.Length];
        var texts = new ContentRef[articles.Length];
        var categoryTexts = new ContentRef[categories.Count];
        file.Begin(StoreFile.Content, SectionFileWriter.PageAlignment);
        for (int id = 0; id < articles.Length; id++)
        {
            var article = articles[id];
            bodies[id] = Append(file, article.Body, article.BodyIsHtml ? ContentKind.Html : ContentKind.Markdown);
            texts[id] = Append(file, MemoryMarshal.AsBytes(article.PlainText.AsSpan()), ContentKind.PlainText);
        }

        for (int entry = 0; entry < categories.Count; entry++)
        {
            categoryTexts[entry] = categories[entry].Text is { } text
                ? Append(file, text.Body, text.IsHtml ? ContentKind.Html : ContentKind.Markdown)
                : ContentRef.None;
        }

        file.End();
        file.Write<ContentRef>("articles/bodies", bodies);
        file.Write<ContentRef>("articles/texts", texts);
        WriteRecords(file, articles);
        StoreFile.WriteTitles(file, analysed.Titles);
        StoreFile.WriteIdLists(file, "links", links);
        WriteCategories(file, categories, categoryTexts);
        SearchIndexSections.Write(file, search);
        StoreFile.WriteStatistics(file, analysed.Version, statistics());
        file.Finish();
    }

    private static ContentRef Append(SectionFileWriter file, ReadOnlySpan<byte> bytes, ContentKind kind)
    {
        var item = new ContentRef(file.SectionLength, bytes.Length, (int)kind, XxHash3.HashToUInt64(bytes));
        file.Append(bytes);
        return item;
    }

    private static void WriteRecords(SectionFileWriter file, AnalysedArticle[] articles)
    {
        var starts = new long[articles.Length + 1];
        var buffer = new ArrayBufferWriter<byte>();
        var record = new PackedWriter(buffer);
        file.Begin("articles/records");
        for (int id = 0; id < articles.Length; id++)
        {
            var article = articles[id];
            buffer.ResetWrittenCount();
            ArticleTable.Pack(record, article.SourceFile, article.Aliases, article.Categories, article.Toc, article.Languages);
            file.Append(buffer.WrittenSpan);
            starts[id + 1] = file.SectionLength;
        }

        file.End();
        file.Write<long>("articles/record-starts", starts);
    }

    /// <summary>Per link target's key, the ids of the articles that link to it, in id order.</summary>
    private static IdLists LinkLists(AnalysedArticle[] articles)
    {
        var linksTo = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int id = 0; id < articles.Length; id++)
        {
            foreach (string key in articles[id].LinkKeys)
            {
                if (!linksTo.TryGetValue(key, out var ids))
                {
                    linksTo[key] = ids = [];
                }

                ids.Add(id);
            }
        }

        return IdLists.Of([.. linksTo.Select(p => (p.Key, (IReadOnlyCollection<int>)p.Value))]);
    }

    internal sealed record CategoryEntry(string Key, string Name, List<int> Members, AnalysedCategoryText? Text);

    /// <summary>
    /// Every category, in the order first met: its members in id order, its name as first
    /// written, its text. A category with a text but no member is still a page, as on
    /// zh.wikipedia; of two texts for one name (after folding) the first file's is kept.
    /// </summary>
    private static List<CategoryEntry> CategoryEntries(AnalysedArticle[] articles, AnalysedCategoryText[] texts)
    {
        var entries = new List<CategoryEntry>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        CategoryEntry Entry(string name)
        {
            string key = TitleKey.Of(name);
            if (!byKey.TryGetValue(key, out int entry))
            {
                byKey[key] = entry = entries.Count;
                entries.Add(new CategoryEntry(key, name, [], null));
            }

            return entries[entry];
        }

        for (int id = 0; id < articles.Length; id++)
        {
            foreach (string name in articles[id].Categories)
            {
                var members = Entry(name).Members;
                if (members.Count == 0 || members[^1] != id)
                {
                    members.Add(id);
                }
            }
        }

        foreach (var text in texts)
        {
            var entry = Entry(text.Name);
            if (entry.Text is null)
            {
                entries[byKey[entry.Key]] = entry with { Text = text };
            }
        }

        return entries;
    }

    private static void WriteCategories(SectionFileWriter file, List<CategoryEntry> categories, ContentRef[] texts)
    {
        var members = IdLists.Of([.. categories.Select(c => (c.Key, (IReadOnlyCollection<int>)c.Members))]);
        int[] byName = InTitleOrder([.. categories.Select(c => c.Name)]);
        int[] rank = new int[byName.Length];
        for (int i = 0; i < byName.Length; i++)
        {
            rank[byName[i]] = i;
        }

        int[] largest = [.. Enumerable.Range(0, categories.Count)
            .OrderByDescending(entry => categories[entry].Members.Count).ThenBy(entry => rank[entry])
            .Take(StoreFile.LargestCategories)];
        StoreFile.WriteIdLists(file, "categories", members);
        StoreFile.WriteStrings(file, "categories/names", StringTable.Of([.. categories.Select(c => c.Name)]));
        file.Write<ContentRef>("categories/texts", texts);
        file.Write<int>("categories/by-name", byName);
        file.Write<int>("categories/largest", largest);
    }
}
