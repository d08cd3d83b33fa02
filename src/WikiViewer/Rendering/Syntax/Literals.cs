using Markdig.Helpers;
using Markdig.Syntax.Inlines;

namespace WikiViewer.Rendering.Syntax;

/// <summary>Runs of adjacent literals joined into one, so that a pattern spanning them can be matched.</summary>
internal static class Literals
{
    /// <summary><see cref="Merge"/> in the container and every container below it.</summary>
    public static void MergeUnder(ContainerInline root)
    {
        Merge(root);
        foreach (var container in MarkdownWalk.Inlines<ContainerInline>(root))
        {
            Merge(container);
        }
    }

    // Escapes (\[) and some characters end a literal early; joining the runs
    // lets one pattern see "（" and "）" or "[1]" together.
    public static void Merge(ContainerInline container)
    {
        var child = container.FirstChild;
        while (child is not null)
        {
            if (child is LiteralInline first && first.NextSibling is LiteralInline)
            {
                var text = new System.Text.StringBuilder(first.Content.ToString());
                while (first.NextSibling is LiteralInline next)
                {
                    text.Append(next.Content.AsSpan());
                    next.Remove();
                }

                first.Content = new StringSlice(text.ToString());
            }

            child = child.NextSibling;
        }
    }
}
