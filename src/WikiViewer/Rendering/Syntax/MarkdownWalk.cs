using System.Buffers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace WikiViewer.Rendering.Syntax;

/// <summary>
/// Walks of the article AST for the rendering passes. Markdig's
/// <c>Descendants&lt;T&gt;()</c> nests one iterator per level and visits every
/// node for every pass, which made the passes' walks cost more than the parse
/// itself (docs/benchmarks.md, "Load: one loop per AST walk"). Blocks and inlines are walked by separate loops, so that
/// an inline (most nodes are) is only asked whether it is the type sought.
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
        Collect<T, Nothing>(root, found, null!);
        return found;
    }

    /// <summary>Like <see cref="Inlines{T}"/> for two types at once, in one walk.</summary>
    public static (List<T1> First, List<T2> Second) Inlines<T1, T2>(MarkdownObject root)
        where T1 : Inline
        where T2 : Inline
    {
        var first = new List<T1>();
        var second = new List<T2>();
        Collect(root, first, second);
        return (first, second);
    }

    /// <summary>Every block of type T below <paramref name="root"/>, in document order, collected before the caller changes the tree.</summary>
    public static List<T> Blocks<T>(ContainerBlock root)
        where T : Block
    {
        var found = new List<T>();
        CollectBlocks(root, found);
        return found;
    }

    /// <summary>Whether any literal text under the inline holds one of the characters (no allocation).</summary>
    public static bool AnyLiteralContains(Inline inline, SearchValues<char> characters) =>
        AnyLiteral(inline, characters, static (text, characters) => text.IndexOfAny(characters) >= 0);

    /// <summary>Whether the test holds for any literal text under the inline (no allocation).</summary>
    public static bool AnyLiteral<TState>(Inline inline, TState state, Func<ReadOnlySpan<char>, TState, bool> test)
    {
        switch (inline)
        {
            case LiteralInline literal:
                return test(literal.Content.AsSpan(), state);
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    if (AnyLiteral(child, state, test))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static void CollectBlocks<T>(ContainerBlock blocks, List<T> found)
        where T : Block
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is T match)
            {
                found.Add(match);
            }

            if (blocks[i] is ContainerBlock container)
            {
                CollectBlocks(container, found);
            }
        }
    }

    private static void Collect<T1, T2>(MarkdownObject root, List<T1> first, List<T2> second)
        where T1 : Inline
        where T2 : Inline
    {
        switch (root)
        {
            case ContainerInline container:
                CollectChildren(container, first, second);
                break;
            case ContainerBlock blocks:
                CollectBlocks(blocks, first, second);
                break;
            case LeafBlock { Inline: { } inline }:
                CollectInline(inline, first, second);
                break;
            case Inline inline:
                CollectInline(inline, first, second);
                break;
        }
    }

    private static void CollectBlocks<T1, T2>(ContainerBlock blocks, List<T1> first, List<T2> second)
        where T1 : Inline
        where T2 : Inline
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case ContainerBlock container:
                    CollectBlocks(container, first, second);
                    break;
                case LeafBlock { Inline: { } inline }:
                    CollectInline(inline, first, second);
                    break;
            }
        }
    }

    private static void CollectInline<T1, T2>(Inline inline, List<T1> first, List<T2> second)
        where T1 : Inline
        where T2 : Inline
    {
        if (inline is T1 match)
        {
            first.Add(match);
        }
        else if (inline is T2 other)
        {
            second.Add(other);
        }

        if (inline is ContainerInline container)
        {
            CollectChildren(container, first, second);
        }
    }

    /// <summary>No inline is one: the second type of a one-type walk (a sealed type's check is one compare).</summary>
    private sealed class Nothing : LeafInline
    {
    }

    private static void CollectChildren<T1, T2>(ContainerInline container, List<T1> first, List<T2> second)
        where T1 : Inline
        where T2 : Inline
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            CollectInline(child, first, second);
        }
    }
}
