using WikiViewer.Loading;

namespace WikiViewer.Web;

/// <summary>
/// The scheme and host that absolute URLs (<c>/opensearch.xml</c>, <c>/api/suggest</c>) are
/// built from: <c>Wiki:PublicBaseUrl</c> when set, else the request's own, which a client
/// chooses (set <c>AllowedHosts</c> then, or the base URL).
/// </summary>
public sealed class PublicOrigin
{
    private readonly string? _configured;

    private PublicOrigin(string? configured) => _configured = configured;

    public static PublicOrigin From(IConfiguration configuration)
    {
        string? value = configuration["Wiki:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new PublicOrigin(null);
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")
            || url.PathAndQuery != "/" || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            throw new WikiContentException($"Wiki:PublicBaseUrl: '{value}' is not an http(s) origin such as 'https://wiki.example.org'.");
        }

        return new PublicOrigin(url.GetLeftPart(UriPartial.Authority));
    }

    /// <summary>Whether the origin comes from configuration, not from the request.</summary>
    public bool IsConfigured => _configured is not null;

    /// <summary><c>https://host[:port]</c>, without a trailing slash.</summary>
    public string For(HttpContext context) => _configured ?? $"{context.Request.Scheme}://{context.Request.Host}";
}
