namespace WikiViewer.Rendering.RawHtml;

/// <summary>
/// Where a link in raw HTML goes, as the host resolved it: the URL, the tooltip,
/// whether the target is missing (a red link, <c>class="new"</c>) and whether it
/// leaves the wiki (<c>class="external"</c>, <c>rel="nofollow noopener"</c>).
/// </summary>
public sealed record HtmlLink(string Url, string? Title = null, bool Missing = false, bool External = false);
