using AngleSharp.Dom;
using WikiViewer.Loading;
using WikiViewer.Rendering;
using WikiViewer.Tests.Infrastructure;
using WikiViewer.Titles;

namespace WikiViewer.Tests.Rendering;

/// <summary>Renders Markdown through the real article pipeline against a store holding <c>titles</c>.</summary>
internal static class RenderingTestKit
{
    public static RenderedArticle Render(string markdown, params string[] titles)
    {
        return ArticleRenderer.Render(markdown, WikiMarkdown.CreatePipeline(TitleIndex.Of(titles)));
    }

    public static IDocument RenderDocument(string markdown, params string[] titles) =>
        WikiApplication.Parse(Render(markdown, titles).Html);
}
