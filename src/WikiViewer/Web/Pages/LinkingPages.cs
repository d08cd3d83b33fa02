using WikiViewer.Store;

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

    public Article this[int index] => _pages[index];

    /// <summary>The link to page <paramref name="index"/>, its title alone read.</summary>
    public ArticleLink Link(int index) => ArticleLink.At(_pages, index);

    /// <param name="self">The article the name names, if the collection has it.</param>
    public static LinkingPages Of(ArticleStore store, string name, Article? self) => new(store.LinksTo(name, without: self));

    /// <summary>The first <paramref name="count"/> of them (fewer when there are fewer).</summary>
    public IReadOnlyList<ArticleLink> First(int count) =>
        [.. Enumerable.Range(0, Math.Min(count, Count)).Select(Link)];
}
