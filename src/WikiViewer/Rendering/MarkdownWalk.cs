using System.Buffers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace WikiViewer.Rendering;

/// <summary>
/// Walks of the article AST for the rendering passes. Markdig's
/// <c>Descendants&lt;T&gt;()</c> nests one iterator per level and visits every
/// node for every pass; at 100,000 articles the passes' walks cost more than
/// the parse itself.
/// </summary>
internal static class MarkdownWalk
{
    /// <summary>
    /// Every inline of type T below <paramref name="root"/> (not the root itself), in
    /// document order, collected before the caller changes the tree.
    /// </summary>
    public static List<T> Inlines<T>(MarkdownObject root)
        where T : Inline
    {
        var found = new List<T>();
        if (root is ContainerInline container)
        {
            CollectChildren(container, found);
        }
        else
        {
            Collect(root, found);
        }

        return found;
    }

    /// <summary>Whether any literal text under the inline holds one of the characters (no allocation).</summary>
    public static bool AnyLiteralContains(Inline inline, SearchValues<char> characters)
    {
        switch (inline)
        {
            case LiteralInline literal:
                return literal.Content.AsSpan().IndexOfAny(characters) >= 0;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    if (AnyLiteralContains(child, characters))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static void Collect<T>(MarkdownObject node, List<T> found)
        where T : Inline
    {
        switch (node)
        {
            case ContainerBlock blocks:
                foreach (var block in blocks)
                {
                    Collect(block, found);
                }

                break;
            case LeafBlock { Inline: { } inline }:
                Collect(inline, found);
                break;
            case Inline inline:
                if (inline is T match)
                {
                    found.Add(match);
                }

                if (inline is ContainerInline container)
                {
                    CollectChildren(container, found);
                }

                break;
        }
    }

    private static void CollectChildren<T>(ContainerInline container, List<T> found)
        where T : Inline
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            Collect(child, found);
        }
    }
}
