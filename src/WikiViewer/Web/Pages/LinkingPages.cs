using WikiViewer.Store;
using WikiViewer.Titles;

namespace WikiViewer.Web.Pages;

/// <summary>
/// The pages that link to a name, in title order, without the article itself: a page
/// that links to itself is no backlink. At a million articles a much-linked title has
/// hundreds of thousands of them, so pages take a slice, never the whole list.
/// </summary>
public sealed class LinkingPages
{
    /// <summary>How many an article page shows before it links to the whole list (MediaWiki's WhatLinksHere shows 50).</summary>
    public const int Shown = 50;

    private readonly IReadOnlyList<Article> _pages;

    private LinkingPages(IReadOnlyList<Article> pages) => _pages = pages;

    public int Count => _pages.Count;

    /// <summary>The link to page <paramref name="index"/>, its title alone read.</summary>
    public ArticleLink Link(int index) => ArticleLink.At(_pages, index);

    /// <param name="self">The article the name names, if the collection has it.</param>
    public static LinkingPages Of(ArticleStore store, string name, Article? self) => new(store.LinksTo(name, without: self));

    /// <summary>What an article page or a 404 page lists: the first <see cref="Shown"/> (fewer when there are fewer).</summary>
    public IReadOnlyList<ArticleLink> FirstShown() => [.. Enumerable.Range(0, Math.Min(Shown, Count)).Select(Link)];

    /// <summary>The whole list of the pages linking to <paramref name="title"/>, when there are more than shown.</summary>
    public string? AllUrl(string title) => Count > Shown ? WikiUrls.Backlinks(title) : null;
}
