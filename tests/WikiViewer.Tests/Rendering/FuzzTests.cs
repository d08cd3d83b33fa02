using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Logging.Abstractions;
using WikiViewer.Loading;
using WikiViewer.Rendering;
using WikiViewer.Search;
using WikiViewer.Tests.Infrastructure;
using Xunit.Abstractions;
using WikiViewer.Store;
using WikiViewer.Titles;

namespace WikiViewer.Tests.Rendering;

/// <summary>
/// The seeds, mutated at random (a fixed seed, so a failure replays), through
/// the loader's own per-file path (decode, nesting check, lead, render with its
/// plain-text fallback) and the search index: nothing throws, and every page
/// body parses to HTML with nothing a browser would execute.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int RandomSeed = 6_2024;
    private const int Cases = 3_000;

    // Markdown-significant characters, HTML that would run, link schemes that
    // would, the converter's own conventions, encodings that trip decoders.
    private static readonly string[] Tokens =
    [
        "*", "**", "_", "__", "[", "]", "(", ")", "<", ">", "`", "```", "#", "## ", "!", "{", "}", "|", "-", "\\", "~", "=",
        "\n", "\n\n", "\r\n", "> ", "- ", "1. ", "    ", "&", "&#", "&#x6a;", "&colon;", ";", "\"", "'", "%", ":", "](", "\t",
        "](javascript:alert(1))", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=//evil.example>",
        "<a href=\"javascript:alert(1)\">x</a>", "<svg onload=alert(1)>", "<style>*{}</style>", " style=\"x:expression(alert(1))\"",
        "javascript:", "JaVaScRiPt:", "java\tscript:", "data:text/html,<script>alert(1)</script>", "vbscript:", "file:///etc/passwd",
        "[x](javascript:alert(1))", "[x](<java script:alert(1)>)", "<javascript:alert(1)>", "![x](javascript:alert(1))",
        "[x](//evil.example)", "[x](/\\evil.example)", "[x](java&#115;cript:alert(1))", "[x](https://ok.example \"t\\\" onclick=\\\"x\")",
        " \"wikilink\")", "(../Page/", ".md \"wikilink\")", "(https://zh.wikipedia.org/wiki/", "Category:", "uk:", "{{-}}", "\\[1\\]",
        "（）", "()", "\uFEFF", "\u202E", "\u200B", "\uFFFD", "<!--", "-->", "|---|---|\n", "+--+\n", "\0",
    ];

    private static readonly string[] Runs = [">", "[", "- ", "* ", "1. ", "  ", "*a _b ", "`", "(", "|", "<"];

    private static readonly string[] ForbiddenElements =
    [
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link", "meta", "base", "form",
        "input", "button", "textarea", "select", "svg", "math", "img", "video", "audio", "source", "template",
    ];

    private static readonly string[] UrlAttributes = ["src", "srcset", "action", "formaction", "xlink:href", "data", "poster", "background"];

    [Fact]
    public void Mutated_seeds_load_and_render_with_nothing_executable()
    {
        var seeds = Directory.GetFiles(RepositoryPaths.Seeds).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        var random = new Random(RandomSeed);
        var loader = new ArticleLoader(NullLogger.Instance);
        var titles = TitleIndex.Of(seeds.Select(seed => LeadReader.Read(Encoding.UTF8.GetString(seed), "seed").Title));

        var bodies = new BodyRenderer(titles, NullLogger.Instance);
        var parser = new HtmlParser();
        var documents = new List<SearchDocument>();
        var problems = new List<string>();
        int skipped = 0;
        for (int n = 0; n < Cases; n++)
        {
            byte[] bytes = Mutate(seeds[random.Next(seeds.Length)], random);
            string name = $"case-{n}.txt";
            var source = loader.Parse(bytes, name, name);
            if (source is null)
            {
                skipped++;
                continue;
            }

            // As the load does.
            var (html, plainText, metadata) = bodies.Render(source.Utf8.Span, name);
            var body = parser.ParseDocument("<!DOCTYPE html><html><body>" + Encoding.UTF8.GetString(html) + "</body></html>").Body!;
            problems.AddRange(Dangers(body).Select(d => $"case {n}: {d}"));
            documents.Add(new SearchDocument(source.Names.Title, source.Names.Aliases, metadata.Categories, plainText));
        }

        var index = SearchIndex.Build(documents);
        for (int i = 0; i < documents.Count; i += 50)
        {
            string text = documents[i].Text;
            int start = random.Next(Math.Max(1, text.Length));
            index.Search(text.Substring(start, Math.Min(12, text.Length - start)), 0, 10);
            index.Suggest(documents[i].Title[..Math.Min(3, documents[i].Title.Length)], 10);
        }

        output.WriteLine($"{Cases} cases (seed {RandomSeed}): {documents.Count} rendered, {skipped} skipped by the loader; {problems.Count} problems");
        Assert.True(documents.Count > Cases / 2, $"only {documents.Count} of {Cases} cases were rendered");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        int mutations = random.Next(1, 9);
        for (int m = 0; m < mutations; m++)
        {
            int at = random.Next(bytes.Count + 1);
            switch (random.Next(6))
            {
                case 0:
                case 1:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 2:
                    bytes.RemoveRange(Math.Min(at, bytes.Count), Math.Min(random.Next(1, 64), bytes.Count - Math.Min(at, bytes.Count)));
                    break;
                case 3:
                    int from = random.Next(bytes.Count), length = Math.Min(random.Next(1, 256), bytes.Count - from);
                    bytes.InsertRange(at, bytes.GetRange(from, length));
                    break;
                case 4 when at < bytes.Count:
                    bytes[at] = (byte)random.Next(256);
                    break;
                default:
                    string run = Runs[random.Next(Runs.Length)];
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(run, random.Next(1, 200)))));
                    break;
            }
        }

        return [.. bytes];
    }

    private static IEnumerable<string> Dangers(IElement body)
    {
        foreach (var element in body.Descendants<IElement>())
        {
            string tag = element.LocalName;
            if (ForbiddenElements.Contains(tag))
            {
                yield return $"<{tag}> element";
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name == "style")
                {
                    yield return $"{attribute.Name}= on <{tag}>";
                }
                else if (UrlAttributes.Contains(attribute.Name))
                {
                    yield return $"{attribute.Name}= on <{tag}>: {attribute.Value}";
                }
                else if (attribute.Name == "href" && !IsSafeTarget(attribute.Value))
                {
                    yield return $"href on <{tag}>: {attribute.Value}";
                }
            }
        }
    }

    // As a browser reads a URL: tabs and line breaks inside it are dropped, and
    // leading spaces and controls trimmed, before the scheme is looked at.
    private static bool IsSafeTarget(string href)
    {
        string url = new string(href.Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).TrimStart(Enumerable.Range(0, 0x21).Select(c => (char)c).ToArray());
        return url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || url.StartsWith('#')
            || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal));
    }
}
