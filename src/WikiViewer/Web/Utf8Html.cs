using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace WikiViewer.Web;

/// <summary>
/// HTML held as UTF-8 (a rendered body), written to the page in pieces. Made into one
/// string first, every page view allocated a copy of its body as UTF-16, twice its size
/// and, for a long article, on the large object heap, which only a full collection frees
/// (docs/benchmarks.md, "Pages: fewer allocations per view").
/// </summary>
internal sealed class Utf8Html(byte[] utf8) : IHtmlContent
{
    private const int PieceChars = 4096;

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        char[] piece = ArrayPool<char>.Shared.Rent(PieceChars);
        try
        {
            ReadOnlySpan<byte> rest = utf8;
            bool completed = false;
            while (!completed)
            {
                // Decoder keeps a character split between two pieces for the next.
                int take = Math.Min(rest.Length, PieceChars);
                decoder.Convert(rest[..take], piece, flush: take == rest.Length, out int used, out int chars, out completed);
                writer.Write(piece.AsSpan(0, chars));
                rest = rest[used..];
                completed &= rest.IsEmpty;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(piece);
        }
    }

    public override string ToString() => Encoding.UTF8.GetString(utf8);
}
