using System.Net;
using System.Text;
using Markdig.Syntax;

namespace WikiViewer.Rendering.Syntax;

/// <summary>
/// The reader's text of an HTML block, for search: tags, comments and the content
/// of script and style removed, entities decoded. No parser: the load indexes
/// every article, and this only has to find text, not make HTML safe.
/// </summary>
internal static class HtmlText
{
    public static void Append(StringBuilder text, HtmlBlock block)
    {
        if (block.Type is not (HtmlBlockType.InterruptingBlock or HtmlBlockType.NonInterruptingBlock) || block.Lines.Count == 0)
        {
            return; // comments, <script>/<style>/<pre>, declarations
        }

        string html = block.Lines.ToString();
        int start = text.Length;
        int position = 0;
        while (position < html.Length)
        {
            int open = html.IndexOf('<', position);
            if (open < 0)
            {
                text.Append(html, position, html.Length - position);
                break;
            }

            text.Append(html, position, open - position);
            if (html.AsSpan(open).StartsWith("<!--"))
            {
                int end = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
                position = end < 0 ? html.Length : end + 3;
                continue;
            }

            int close = html.IndexOf('>', open + 1);
            position = close < 0 ? html.Length : close + 1;
            text.Append(' ');
        }

        if (text.ToString(start, text.Length - start).Contains('&'))
        {
            string decoded = WebUtility.HtmlDecode(text.ToString(start, text.Length - start));
            text.Length = start;
            text.Append(decoded);
        }

        text.Append('\n');
    }
}
