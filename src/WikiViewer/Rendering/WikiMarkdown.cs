using Markdig;
using WikiViewer.Rendering.Emphasis;
using WikiViewer.Rendering.Mathematics;
using WikiViewer.Rendering.RawHtml;
using WikiViewer.Rendering.References;
using WikiViewer.Rendering.Residue;
using WikiViewer.Rendering.Sections;
using WikiViewer.Rendering.Tables;
using WikiViewer.Rendering.Trailer;
using WikiViewer.Rendering.VariantMarkup;
using WikiViewer.Rendering.WikiLinks;
using WikiViewer.Titles;

namespace WikiViewer.Rendering;

/// <summary>The Markdig pipelines that read converted wiki articles.</summary>
public static class WikiMarkdown
{
    /// <summary>
    /// The full article pipeline. The passes run in the order they are added:
    /// the trailer must see the raw category URLs before links are resolved, and
    /// references must see the file's end before sections prune empty ones.
    /// </summary>
    public static MarkdownPipeline CreatePipeline(TitleIndex titles) =>
        CreateReader()
            .UseVariantMarkup()
            .UseTrailer()
            .UseResidueCleanup()
            .UseReferences()
            .UseSections()
            .UseMath()
            .UseRawHtml(new RawHtmlLinks(titles).Resolve)
            .UseWikiLinks(titles)
            .Build();

    /// <summary>
    /// CommonMark plus tables, with emphasis read beside Chinese text (the lead's bold
    /// names too); raw HTML is kept as text, never emitted live (<see cref="UseRawHtml"/>
    /// renders it safely).
    /// </summary>
    public static MarkdownPipelineBuilder CreateReader() =>
        new MarkdownPipelineBuilder()
            .DisableHtml()
            .UsePipeTables()
            .UseGridTables()
            .UseTableAlignmentClasses()
            .UseCjkEmphasis();

    public static MarkdownPipelineBuilder UseCjkEmphasis(this MarkdownPipelineBuilder pipeline) =>
        pipeline.With<EmphasisExtension>();

    public static MarkdownPipelineBuilder UseVariantMarkup(this MarkdownPipelineBuilder pipeline) =>
        pipeline.With<VariantMarkupExtension>();

    public static MarkdownPipelineBuilder UseTableAlignmentClasses(this MarkdownPipelineBuilder pipeline) =>
        pipeline.With<TableAlignmentExtension>();

    public static MarkdownPipelineBuilder UseTrailer(this MarkdownPipelineBuilder pipeline) =>
        pipeline.With<TrailerExtension>();

    public static MarkdownPipelineBuilder UseResidueCleanup(this MarkdownPipelineBuilder pipeline) =>
        pipeline.With<ResidueExtension>();

    public static MarkdownPipelineBuilder UseReferences(this MarkdownPipelineBuilder pipeline) =>
        pipeline.With<ReferencesExtension>();

    public static MarkdownPipelineBuilder UseSections(this MarkdownPipelineBuilder pipeline) =>
        pipeline.With<SectionsExtension>();

    /// <summary>Raw HTML rendered through an allowlist; links in it resolved by <paramref name="resolveLink"/>.</summary>
    public static MarkdownPipelineBuilder UseRawHtml(this MarkdownPipelineBuilder pipeline, Func<string, HtmlLink?> resolveLink)
    {
        if (!pipeline.Extensions.Contains<RawHtmlExtension>())
        {
            pipeline.Extensions.Add(new RawHtmlExtension(resolveLink));
        }

        return pipeline;
    }

    public static MarkdownPipelineBuilder UseMath(this MarkdownPipelineBuilder pipeline) =>
        pipeline.With<MathExtension>();

    public static MarkdownPipelineBuilder UseWikiLinks(this MarkdownPipelineBuilder pipeline, TitleIndex titles)
    {
        if (!pipeline.Extensions.Contains<WikiLinksExtension>())
        {
            pipeline.Extensions.Add(new WikiLinksExtension(titles));
        }

        return pipeline;
    }

    private static MarkdownPipelineBuilder With<T>(this MarkdownPipelineBuilder pipeline)
        where T : class, IMarkdownExtension, new()
    {
        pipeline.Extensions.AddIfNotAlready<T>();
        return pipeline;
    }
}
