using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using WikiViewer.Loading;
using WikiViewer.Loading.Snapshots;
using WikiViewer.Store;
using WikiViewer.Tests.Infrastructure;
using WikiViewer.Tests.Loading;

namespace WikiViewer.Tests.Snapshots;

/// <summary>A category's own text (the collection's <c>Category/</c>) is kept by a snapshot, read or not yet read.</summary>
public sealed class CategoryTextSnapshotTests
{
    [Fact]
    public void Category_texts_read_back_as_loaded_rendered_or_not()
    {
        using var corpus = new TempCorpus()
            .AddFile("Page/条目.md", "**条目**是测试。\n\n[Category:有成员](https://zh.wikipedia.org/wiki/Category:有成员 \"wikilink\")\n")
            .AddFile("Category/有成员.md", "有成员的分类，见[条目](../Page/条目.md \"wikilink\")。\n")
            .AddFile("Category/无成员.md", "**无成员**的分类。\n");
        var loaded = new ArticleLoader(NullLogger.Instance).Load(ContentFolder.Open(corpus.Path), new LoadProgress());
        string withMembers = Html(loaded.FindCategory("有成员")!);

        var read = StoreSnapshotTests.ReadBack(loaded, corpus.Path);

        Assert.Equal(["条目"], read.FindCategory("有成员")!.Articles.Select(a => a.Title));
        Assert.Equal(withMembers, Html(read.FindCategory("有成员")!)); // written as HTML
        Assert.Empty(read.FindCategory("无成员")!.Articles);
        Assert.False(read.FindCategory("无成员")!.Text!.IsRendered); // written as Markdown
        Assert.Equal(Html(loaded.FindCategory("无成员")!), Html(read.FindCategory("无成员")!));
        Assert.Contains("/wiki/%E6%9D%A1%E7%9B%AE", withMembers);
        Assert.Null(read.FindCategory("条目"));
    }

    private static string Html(Category category) => Encoding.UTF8.GetString(category.Text!.HtmlUtf8);
}
