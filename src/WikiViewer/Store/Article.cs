using System.Text;
using WikiViewer.Rendering;
using WikiViewer.Rendering.Syntax;
using WikiViewer.Search;
using WikiViewer.Titles;

namespace WikiViewer.Store;

/// <summary>
/// An article as the store serves it, made afresh from the store's tables each time it is
/// asked for (<see cref="ArticleStore.Articles"/>): two of them are the same article when
/// their <see cref="Id"/>s are.
/// </summary>
/// <param name="Id">The article's place in title order, the same in every table of its store.</param>
/// <param name="Body">The body, rendered to HTML when read; pages read it through <see cref="RenderCache"/>.</param>
/// <param name="Text">The plain text, in place in the store file (<see cref="PlainText"/> copies it out).</param>
public sealed record Article(
    int Id,
    string Title,
    IReadOnlyList<string> Aliases,
    string SourceFile,
    ArticleBody Body,
    DocumentText Text,
    IReadOnlyList<TocEntry> Toc,
    IReadOnlyList<string> Categories,
    IReadOnlyList<InterlanguageLink> Languages)
{
    /// <summary>
    /// The body rendered, as UTF-8, on each access (pages read it through <see cref="RenderCache"/>):
    /// its links are percent-encoded ASCII, so this is much smaller than a string.
    /// </summary>
    public byte[] HtmlUtf8 => Body.HtmlUtf8;

    /// <summary>The body rendered, and decoded, on each access.</summary>
    public string Html => Encoding.UTF8.GetString(HtmlUtf8);

    /// <summary>The plain text, paragraphs separated by '\n', copied out of the store on each access.</summary>
    public string PlainText => Text.Read();

    /// <summary>The canonical URL, <c>/wiki/{title}</c>.</summary>
    public string Url => WikiUrls.Article(Title);

    /// <summary>The lead's first sentence, short: what a suggestion list shows under the title.</summary>
    public string Description
    {
        get
        {
            const int MaxLength = 80;

            // One unit more than is shown: enough to tell whether the sentence is cut.
            string text = Text.Start(MaxLength + 1);
            int end = text.IndexOfAny(['。', '\n']);
            string sentence = end < 0 ? text : text[..(text[end] == '。' ? end + 1 : end)];
            return sentence.Length <= MaxLength ? sentence : sentence[..MaxLength] + "…";
        }
    }

    public bool Equals(Article? other) => other is not null && other.Id == Id && other.Title == Title;

    public override int GetHashCode() => Id;
}

/// <summary>A category and its members, in title order.</summary>
/// <param name="Text">The category page's own text (the collection's <c>Category/&lt;Name&gt;.md</c>), rendered when read; null when there is none.</param>
public sealed record Category(string Name, IReadOnlyList<Article> Articles, ArticleBody? Text = null)
{
    public string Url => WikiUrls.Category(Name);

    public bool Equals(Category? other) => other is not null && other.Name == Name;

    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
}

/// <summary>What a load found, for the startup log line and /healthz.</summary>
public sealed record LoadStatistics(int Articles, int Aliases, int LinksResolved, int LinksMissing, int FilesSkipped, TimeSpan Elapsed);
