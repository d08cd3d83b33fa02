using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using WikiViewer.Web;
using WikiViewer.Loading;
using WikiViewer.Search;
using WikiViewer.Store;
using WikiViewer.Titles;

namespace WikiViewer.Web;

public static class SearchApi
{
    private const int SuggestionCount = 10;

    /// <summary>Where the JSON API lives; its errors and 503s are JSON too (<see cref="ErrorPages"/>).</summary>
    public const string Prefix = "/api";

    /// <summary>/api/search (JSON), /api/suggest (OpenSearch suggestions) and /opensearch.xml.</summary>
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        // Answered afresh each time (they still get ETags): a search is cheap, and
        // keeping every distinct query's answer cost more than it saved, its entries
        // churning the GC (docs/benchmarks.md, "Output cache: searches computed per request").
        var api = app.MapGroup(Prefix)
            .RequireRateLimiting(RateLimiting.SearchPolicy)
            .DisableOutputCache()
            .AnswerLoadingAsJson();
        api.MapMethods("/search", MethodFilter.ReadMethods, async (ArticleStore store, string? q, string? offset, string? limit, CancellationToken cancellationToken) =>
        {
            if (!SearchRequest.TryParse(q, offset, limit, out var request, out string error))
            {
                return Results.BadRequest(new { error });
            }

            if (request.IsEmpty)
            {
                return Results.BadRequest(new { error = "The query q is empty." });
            }

            var results = await store.Search.SearchAsync(request.Query, request.Offset, request.Limit, cancellationToken);
            // A hit's title alone is read: the whole record (aliases, categories, contents, languages) is not shown.
            var hits = results.Hits.Select(hit =>
            {
                string title = store.Titles.Title(hit.DocumentId);
                return new SearchResponseHit(title, WikiUrls.Article(title), hit.Snippet, Math.Round(hit.Score, 4));
            }).ToArray();
            return Results.Json(new SearchResponse(request.Query, results.Total, results.TotalIsEstimate, hits), SearchJsonContext.Utf8.SearchResponse);
        });

        api.MapMethods("/suggest", MethodFilter.ReadMethods, (HttpContext context, ArticleStore store, PublicOrigin publicOrigin, string? q) =>
        {
            string query = (q ?? "").Trim();
            if (query.Length > SearchRequest.MaxQueryLength || query.Any(char.IsControl))
            {
                return Results.BadRequest(new { error = $"q must be at most {SearchRequest.MaxQueryLength} characters without control characters." });
            }

            var suggestions = query.Length == 0 ? [] : store.Search.Suggest(query, SuggestionCount);
            string origin = publicOrigin.For(context);
            var articles = suggestions.Select(s => (Suggestion: s, Article: store.Articles[s.DocumentId])).ToList();
            // The dropdown under the search box is part of the page: in the reader's variant.
            var variant = ScriptVariants.Of(context);
            return Results.Json(new object[]
            {
                query,
                articles.Select(a => variant.Convert(a.Suggestion.Name)).ToArray(),
                articles.Select(a => variant.Convert(a.Suggestion.IsAlias ? $"重定向至“{a.Article.Title}”" : a.Article.Description)).ToArray(),
                articles.Select(a => origin + VariantLinks.Keep(context, a.Article.Url)).ToArray(),
            }, contentType: "application/x-suggestions+json; charset=utf-8");
        });

        // Not cached: without Wiki:PublicBaseUrl it names the request's host, which a client chooses.
        app.MapMethods("/opensearch.xml", MethodFilter.ReadMethods, (HttpContext context, PublicOrigin publicOrigin) =>
        {
            string origin = System.Security.SecurityElement.Escape(publicOrigin.For(context));
            string xml = $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">
                  <ShortName>WikiViewer</ShortName>
                  <Description>搜索 WikiViewer 中的维基百科条目</Description>
                  <InputEncoding>UTF-8</InputEncoding>
                  <Language>zh</Language>
                  <Url type="text/html" method="get" template="{origin}/search?q={"{searchTerms}"}"/>
                  <Url type="application/x-suggestions+json" method="get" template="{origin}/api/suggest?q={"{searchTerms}"}"/>
                  <Url type="application/opensearchdescription+xml" rel="self" template="{origin}/opensearch.xml"/>
                  <moz:SearchForm>{origin}/search</moz:SearchForm>
                </OpenSearchDescription>
                """;
            return Results.Text(xml, "application/opensearchdescription+xml", Encoding.UTF8);
        }).DisableOutputCache();

        return app;
    }
}

/// <summary>/api/search's answer (SPEC.md): <c>{"query","total","totalIsEstimate","results":[{"title","url","snippet","score"}]}</c>.</summary>
internal sealed record SearchResponse(string Query, int Total, bool TotalIsEstimate, IReadOnlyList<SearchResponseHit> Results);

internal sealed record SearchResponseHit(string Title, string Url, string Snippet, double Score);

// Source-generated: reflection over anonymous types was a visible part of a query's
// time (docs/benchmarks.md, "Search API: source-generated JSON, Chinese as UTF-8").
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SearchResponse))]
internal sealed partial class SearchJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Chinese text as UTF-8 rather than \uXXXX escapes (the default encoder's): fewer
    /// bytes, and no per-character escaping. Characters that
    /// matter to HTML (&lt; &gt; &amp; ' ") are still escaped.
    /// </summary>
    public static SearchJsonContext Utf8 { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}
