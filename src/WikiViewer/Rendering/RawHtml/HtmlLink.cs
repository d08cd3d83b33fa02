namespace WikiViewer.Rendering.RawHtml;

/// <summary>
/// Where a link in raw HTML goes, as the host resolved it: the URL, the tooltip,
/// whether the target is missing (a red link, <c>class="new"</c>) and whether it
/// leaves the wiki (<c>class="external"</c>, <c>rel="nofollow noopener"</c>).
/// </summary>
/// <param name="BacklinkKey">For a link to an article, the key "链接到本页的页面" files it under.</param>
public sealed record HtmlLink(string Url, string? Title = null, bool Missing = false, bool External = false, string? BacklinkKey = null);
