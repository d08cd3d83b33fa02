using System.Text;
using System.Text.Encodings.Web;
using WikiViewer.Web;

namespace WikiViewer.Tests.Web;

public sealed class Utf8HtmlTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Writes_the_html_as_decoded_across_its_pieces(int shift)
    {
        // Three-byte characters and a four-byte one (a surrogate pair in UTF-16), shifted so
        // that some straddle the boundaries of the pieces it decodes.
        string html = new string('a', shift) + string.Concat(Enumerable.Repeat("<p>中文維基百科 \U0001F600 &amp; text</p>\n", 900));
        byte[] utf8 = Encoding.UTF8.GetBytes(html);
        Assert.True(utf8.Length > 3 * 4096);

        var written = new StringWriter();
        new Utf8Html(utf8).WriteTo(written, HtmlEncoder.Default);

        Assert.Equal(html, written.ToString());
    }

    [Fact]
    public void Writes_nothing_for_an_empty_body_and_replaces_a_broken_sequence_as_decoding_does()
    {
        var empty = new StringWriter();
        new Utf8Html([]).WriteTo(empty, HtmlEncoder.Default);
        Assert.Equal("", empty.ToString());

        byte[] broken = [.. Encoding.UTF8.GetBytes("<p>中"), 0xE6, 0x96];
        var written = new StringWriter();
        new Utf8Html(broken).WriteTo(written, HtmlEncoder.Default);
        Assert.Equal(Encoding.UTF8.GetString(broken), written.ToString());
    }
}
