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

    private readonly IReadOnlyList<Article> _all;
    private readonly int _self;

    private LinkingPages(IReadOnlyList<Article> all, int self)
    {
        _all = all;
        _self = self;
    }

    public int Count => _all.Count - (_self >= 0 ? 1 : 0);

    public Article this[int index] => _all[_self >= 0 && index >= _self ? index + 1 : index];

    /// <param name="self">The article the name names, if the collection has it.</param>
    public static LinkingPages Of(ArticleStore store, string name, Article? self)
    {
        var all = store.LinksTo(name);
        int at = -1;
        if (self is not null)
        {
            for (int i = 0; i < all.Count && at < 0; i++)
            {
                at = ReferenceEquals(all[i], self) ? i : -1;
            }
        }

        return new LinkingPages(all, at);
    }

    /// <summary>The first <paramref name="count"/> of them (fewer when there are fewer).</summary>
    public IReadOnlyList<ArticleLink> First(int count) =>
        [.. Enumerable.Range(0, Math.Min(count, Count)).Select(i => ArticleLink.From(this[i]))];
}
