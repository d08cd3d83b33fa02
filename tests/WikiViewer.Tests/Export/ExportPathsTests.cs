using System.Text;
using WikiViewer.Export;

namespace WikiViewer.Tests.Export;

/// <summary>How the server's URLs become files of a static export, and the links between them.</summary>
public sealed class ExportPathsTests
{
    [Theory]
    [InlineData("/", "Page", "index.html")]
    [InlineData("/?page=1", "Page", "index.html")]
    [InlineData("/?page=3", "Page", "index-3.html")]
    [InlineData("/wiki/%E5%BE%B7%E5%9B%BD", "Page", "wiki/德国.html")]
    [InlineData("/wiki/AC/DC", "Page", "wiki/AC%2FDC.html")]
    [InlineData("/category/%E5%93%B2%E5%AD%A6", "Page", "category/哲学.html")]
    [InlineData("/wiki/?title=..", "Page", "wiki/%2E%2E.html")]
    [InlineData("/wiki/?title=a%2F..%2Fb", "Page", "wiki/a%2F..%2Fb.html")]
    [InlineData("/category/?name=..", "Page", "category/%2E%2E.html")]
    [InlineData("/css/site.css?v=abc", "Asset", "css/site.css")]
    [InlineData("/js/suggest.js", "Asset", "js/suggest.js")]
    [InlineData("/search?q=x", "Offline", "offline.html")]
    [InlineData("/random", "Offline", "offline.html")]
    [InlineData("/opensearch.xml", "Offline", "offline.html")]
    [InlineData("/?q=x", "Offline", "offline.html")]
    [InlineData("/css/../../etc/passwd.css", "Offline", "offline.html")]
    public void Classifies_site_urls(string url, string kind, string file)
    {
        var target = ExportPaths.Classify(url);

        Assert.Equal(kind, target.Kind.ToString());
        Assert.Equal(file, target.File);
    }

    [Theory]
    [InlineData("德国", "德国")]
    [InlineData("Garden 3", "Garden 3")]
    [InlineData("AC/DC", "AC%2FDC")]
    [InlineData("100%", "100%25")]
    [InlineData("AC%2FDC", "AC%252FDC")]
    [InlineData("什么?", "什么%3F")]
    [InlineData("..", "%2E%2E")]
    [InlineData(".net", "%2Enet")]
    public void File_names_keep_the_title_and_escape_what_a_file_system_or_url_would_misread(string title, string name)
    {
        Assert.Equal(name, ExportPaths.FileName(title));
    }

    [Fact]
    public void Over_long_titles_are_cut_and_told_apart_by_a_hash()
    {
        string a = new string('长', 200) + "甲";
        string b = new string('长', 200) + "乙";

        string nameA = ExportPaths.FileName(a);
        string nameB = ExportPaths.FileName(b);

        Assert.NotEqual(nameA, nameB);
        Assert.True(Encoding.UTF8.GetByteCount(nameA + ".html") < 255);
        Assert.StartsWith("长长长", nameA);
    }

    [Theory]
    [InlineData("index.html", "wiki/德国.html", "wiki/%E5%BE%B7%E5%9B%BD.html")]
    [InlineData("wiki/a.html", "wiki/AC%2FDC.html", "AC%252FDC.html")]
    [InlineData("wiki/a.html", "category/b.html", "../category/b.html")]
    [InlineData("wiki/a.html", "index.html", "../index.html")]
    [InlineData("category/b.html", "css/site.css", "../css/site.css")]
    public void Links_are_relative_to_the_file_and_percent_encoded(string from, string to, string link)
    {
        Assert.Equal(link, ExportPaths.Relative(from, to));
    }
}
