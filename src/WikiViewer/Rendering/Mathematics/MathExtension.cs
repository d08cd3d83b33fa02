using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace WikiViewer.Rendering.Mathematics;

/// <summary>
/// TeX that pandoc wrote as <c>\( … \)</c> (inline) or <c>\[ … \]</c> (display)
/// becomes <c>&lt;span class="math inline|display"&gt;TeX&lt;/span&gt;</c>, the
/// TeX as escaped text, which <c>/js/math.js</c> typesets with KaTeX. CommonMark
/// reads <c>\(</c> as an escaped "(", and pandoc escapes parentheses and brackets
/// that are not math too (<c>\(R\)-2-羟基…</c>, <c>\[1\]</c>), so only what
/// <see cref="MathSyntax.IsTex"/> judges to be TeX is taken; the rest stays text.
/// </summary>
public sealed class MathExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Before the escape parser, which would read "\(" as "(".
        if (!pipeline.InlineParsers.Contains<MathInlineParser>())
        {
            int escape = pipeline.InlineParsers.FindIndex(parser => parser is EscapeInlineParser);
            pipeline.InlineParsers.Insert(escape < 0 ? 0 : escape, new MathInlineParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        // Before the code span renderer, which would accept a MathInline as the CodeInline it is.
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<MathInlineRenderer>())
        {
            int code = html.ObjectRenderers.FindIndex(r => r is CodeInlineRenderer);
            html.ObjectRenderers.Insert(code < 0 ? 0 : code, new MathInlineRenderer());
        }
    }
}

/// <summary>
/// TeX, inline or display. A <see cref="CodeInline"/> to every other pass: opaque,
/// its <see cref="CodeInline.Content"/> (the TeX) is its text for search and
/// summaries, and no rule that rewrites literals (residue, emphasis) reaches into it.
/// </summary>
public sealed class MathInline(string tex, bool display) : CodeInline(tex)
{
    public bool Display { get; } = display;
}

/// <summary>Reads <c>\( TeX \)</c> and <c>\[ TeX \]</c> on one line; anything else is left to the escape parser.</summary>
internal sealed class MathInlineParser : InlineParser
{
    public MathInlineParser() => OpeningCharacters = ['\\'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        char open = slice.PeekChar();
        if (open is not ('(' or '['))
        {
            return false;
        }

        var text = slice.Text.AsSpan(slice.Start, slice.Length);
        if (!MathSyntax.TryRead(text, out string tex, out int length))
        {
            return false;
        }

        int start = processor.GetSourcePosition(slice.Start, out int line, out int column);
        processor.Inline = new MathInline(tex, display: open == '[')
        {
            Delimiter = open,
            DelimiterCount = 1,
            Span = new(start, start + length - 1),
            Line = line,
            Column = column,
        };
        slice.Start += length;
        return true;
    }
}

/// <summary>The TeX as escaped text in a span that /js/math.js finds and typesets.</summary>
internal sealed class MathInlineRenderer : HtmlObjectRenderer<MathInline>
{
    protected override void Write(HtmlRenderer renderer, MathInline math)
    {
        if (!renderer.EnableHtmlForInline)
        {
            renderer.WriteEscape(math.Content);
            return;
        }

        renderer.Write(math.Display ? "<span class=\"math display\">" : "<span class=\"math inline\">");
        renderer.WriteEscape(math.Content);
        renderer.Write("</span>");
    }
}
