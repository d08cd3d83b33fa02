namespace WikiViewer.Web.Pages;

/// <summary>
/// A list shown 200 items a page (MediaWiki's size for a category), as the home page and
/// category pages show theirs: which page, how many, and the links to the pages beside it.
/// </summary>
public sealed record Pager(int PageNumber, int PageCount, string? PreviousUrl, string? NextUrl)
{
    public const int PageSize = 200;

    /// <summary>The number (from 1) of this page's first item.</summary>
    public int First => ((PageNumber - 1) * PageSize) + 1;

    public static int PageCountOf(int items) => Math.Max(1, (items + PageSize - 1) / PageSize);

    /// <summary>The pager of page <paramref name="pageNumber"/>, <paramref name="urlOf"/> giving a page's address.</summary>
    public static Pager Of(int pageNumber, int items, Func<int, string> urlOf)
    {
        int pageCount = PageCountOf(items);
        return new(pageNumber, pageCount, pageNumber > 1 ? urlOf(pageNumber - 1) : null, pageNumber < pageCount ? urlOf(pageNumber + 1) : null);
    }

    /// <summary>
    /// The pager of a list at <paramref name="url"/> (a category, the pages linking to a title):
    /// page 1 at the URL itself, page N with <c>page=N</c> added to its query.
    /// </summary>
    public static Pager AtUrl(int pageNumber, int items, string url) =>
        Of(pageNumber, items, number => url + (number == 1 ? "" : (url.Contains('?') ? "&" : "?") + "page=" + number));

    /// <summary>
    /// <c>?page=</c> as the reader gave it: none is the first page; anything but a whole number
    /// from 1 to the page count is refused with <paramref name="error"/>, a reader's sentence.
    /// </summary>
    public static bool TryParse(string? page, int items, out int pageNumber, out string error)
    {
        int pageCount = PageCountOf(items);
        pageNumber = 1;
        error = "";
        if (page is not null && (!int.TryParse(page, out pageNumber) || pageNumber < 1 || pageNumber > pageCount))
        {
            error = $"page must be a whole number from 1 to {pageCount}.";
            return false;
        }

        return true;
    }

    /// <summary>Page <paramref name="pageNumber"/> of <paramref name="items"/> items, each made from its index by <paramref name="item"/>.</summary>
    public static T[] Slice<T>(int items, int pageNumber, Func<int, T> item)
    {
        int first = (pageNumber - 1) * PageSize;
        var page = new T[Math.Clamp(items - first, 0, PageSize)];
        for (int i = 0; i < page.Length; i++)
        {
            page[i] = item(first + i);
        }

        return page;
    }
}
