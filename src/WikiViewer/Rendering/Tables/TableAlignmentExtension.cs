using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using WikiViewer.Rendering.Syntax;

namespace WikiViewer.Rendering.Tables;

/// <summary>
/// Column alignment (<c>|:---|:---:|</c>) as classes (<c>ta-left</c>, <c>ta-center</c>,
/// <c>ta-right</c>) instead of Markdig's <c>style="text-align: …"</c>: the Content-Security-Policy
/// refuses inline styles, so the alignment was lost, and the page carried style attributes.
/// </summary>
public sealed class TableAlignmentExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Process;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void Process(MarkdownDocument document)
    {
        foreach (var table in MarkdownWalk.Blocks<Table>(document))
        {
            var classes = table.ColumnDefinitions.Select(static c => c.Alignment switch
            {
                TableColumnAlign.Left => "ta-left",
                TableColumnAlign.Center => "ta-center",
                TableColumnAlign.Right => "ta-right",
                _ => null,
            }).ToArray();
            if (classes.All(static c => c is null))
            {
                continue;
            }

            foreach (var row in table.OfType<TableRow>())
            {
                foreach (var cell in row.OfType<TableCell>())
                {
                    int column = cell.ColumnIndex >= 0 ? cell.ColumnIndex : row.IndexOf(cell);
                    if (column < classes.Length && classes[column] is { } name)
                    {
                        cell.GetAttributes().AddClass(name);
                    }
                }
            }

            foreach (var column in table.ColumnDefinitions)
            {
                column.Alignment = null;
            }
        }
    }
}
