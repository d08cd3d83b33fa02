using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace WikiViewer.Web;

/// <summary>
/// Refuses malformed request targets with 400 before any page sees them
/// (SPEC.md "Bad input"): invalid percent-encoding, escapes that are not UTF-8,
/// control characters, and paths or queries longer than any real one. Kestrel
/// leaves such escapes in the path as they came (<c>/wiki/%ZZ</c>), which would
/// otherwise read as a title and answer 404.
/// </summary>
public static class RequestTargetValidation
{
    /// <summary>Titles are at most 255 characters (<see cref="Loading.LeadReader"/>), so no page's path is longer.</summary>
    public const int MaxPathLength = 512;

    /// <summary>A search query is at most 200 characters; percent-encoded CJK takes nine each, plus the other parameters.</summary>
    public const int MaxQueryLength = 4096;

    // Printable ASCII that decodes to itself: the common target needs no decoding.
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => c is not ('%' or '+')).ToArray());

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Kestrel refuses a request line over 8 KB itself, with an empty 414. Up to
    /// 64 KB the app answers instead, with the 400 page that says what was wrong
    /// (SPEC.md: an over-long query or path is a 400); past that Kestrel's 414 stands.
    /// </summary>
    public static WebApplicationBuilder AddRequestTargetLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = 64 * 1024);
        return builder;
    }

    public static IApplicationBuilder UseRequestTargetValidation(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // A re-executed error page keeps the original query: it was judged once.
            if (!context.IsErrorReExecution() && Check(RawTarget(context)) is { } reason)
            {
                context.Reject(StatusCodes.Status400BadRequest, reason);
                return Task.CompletedTask;
            }

            return next(context);
        });

    /// <summary>Why a request target (path and query as sent) is malformed, or null when it is fine.</summary>
    public static string? Check(string target)
    {
        int question = target.IndexOf('?');
        string path = question < 0 ? target : target[..question];
        string query = question < 0 ? "" : target[(question + 1)..];
        if (query.Length > MaxQueryLength)
        {
            return $"The query string is {query.Length} characters long; at most {MaxQueryLength} are allowed.";
        }

        if (Decode(path, plusIsSpace: false, "path", out string decodedPath) is { } pathError)
        {
            return pathError;
        }

        if (decodedPath.Length > MaxPathLength)
        {
            return $"The path is {decodedPath.Length} characters long; at most {MaxPathLength} are allowed.";
        }

        return Decode(query, plusIsSpace: true, "query string", out _);
    }

    // Kestrel's RawTarget is the request line's target as sent, in origin form
    // (/wiki/x) or absolute form (http://host/wiki/x). Other servers (the tests'
    // in-memory one) may not set it; then the decoded path is escaped again,
    // which is what a well-formed client would have sent.
    private static string RawTarget(HttpContext context)
    {
        string? raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        int scheme = raw?.IndexOf("://", StringComparison.Ordinal) ?? -1;
        if (scheme > 0 && raw!.IndexOf('/', scheme + 3) is var path and > 0)
        {
            raw = raw[path..];
        }

        return !string.IsNullOrEmpty(raw) && raw[0] == '/'
            ? raw
            : context.Request.PathBase.Add(context.Request.Path).ToUriComponent() + context.Request.QueryString.Value;
    }

    // Every page's path is percent-encoded Chinese: decoded into a buffer of the
    // stack's, without a string or list per escape: a cached page is cheap enough that
    // these showed in its profile (docs/benchmarks.md, "Request-target validation").
    private static string? Decode(string text, bool plusIsSpace, string part, out string decoded)
    {
        decoded = text;
        if (!text.AsSpan().ContainsAnyExcept(Plain))
        {
            return null;
        }

        int most = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = most > 1024 ? ArrayPool<byte>.Shared.Rent(most) : null;
        Span<byte> bytes = rented ?? stackalloc byte[1024];
        try
        {
            int count = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '%')
                {
                    if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                    {
                        return $"The {part} has an invalid percent-encoding ('%' must be followed by two hexadecimal digits).";
                    }

                    bytes[count++] = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                    i += 2;
                }
                else if (c == '+' && plusIsSpace)
                {
                    bytes[count++] = (byte)' ';
                }
                else if (char.IsAscii(c))
                {
                    bytes[count++] = (byte)c;
                }
                else
                {
                    // Text the client sent unescaped: keep it as it is.
                    int width = char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                    count += Encoding.UTF8.GetBytes(text.AsSpan(i, width), bytes[count..]);
                    i += width - 1;
                }
            }

            decoded = StrictUtf8.GetString(bytes[..count]);
        }
        catch (DecoderFallbackException)
        {
            return $"The {part} is percent-encoded but not as UTF-8.";
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        // char.IsControl: C0, DEL and C1.
        return decoded.AsSpan().IndexOfAnyInRange('\u0000', '\u001F') >= 0 || decoded.AsSpan().IndexOfAnyInRange('\u007F', '\u009F') >= 0
            ? $"The {part} contains control characters."
            : null;
    }

    private static int HexValue(char digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;
}
