using WikiViewer.Web;

namespace WikiViewer.Tests.Hosting;

public sealed class RequestTargetValidationTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/wiki/%E5%9B%BD%E9%99%85%E6%B4%BE")]
    [InlineData("/wiki/%e5%9b%bd")]
    [InlineData("/wiki/国际派")]
    [InlineData("/wiki/%F0%9F%98%80")]
    [InlineData("/wiki/C%2B%2B")]
    [InlineData("/wiki/a+b")]
    [InlineData("/wiki/a%2Fb")]
    [InlineData("/wiki/100%25")]
    [InlineData("/search?q=a+b&fulltext=1")]
    [InlineData("/search?q=%C2%A0")]
    [InlineData("/search?q=&offset=")]
    [InlineData("/search?")]
    public void Well_formed_targets_pass(string target) =>
        Assert.Null(RequestTargetValidation.Check(target));

    [Theory]
    [InlineData("/%", "invalid percent-encoding")]
    [InlineData("/%4", "invalid percent-encoding")]
    [InlineData("/%G0", "invalid percent-encoding")]
    [InlineData("/search?q=100%", "invalid percent-encoding")]
    [InlineData("/wiki/%C0%AF", "not as UTF-8")]
    [InlineData("/wiki/%ED%A0%80", "not as UTF-8")]
    [InlineData("/wiki/%FF", "not as UTF-8")]
    [InlineData("/wiki/%E5%9B", "not as UTF-8")]
    [InlineData("/wiki/%1B[31m", "control characters")]
    [InlineData("/search?q=%0D%0ASet-Cookie:x", "control characters")]
    [InlineData("/search?q=%C2%9B", "control characters")]
    [InlineData("/wiki/%7F", "control characters")]
    [InlineData("/wiki/a%c2%85b", "control characters")]
    public void Malformed_targets_are_refused_with_the_reason(string target, string reason) =>
        Assert.Contains(reason, RequestTargetValidation.Check(target));

    [Fact]
    public void A_query_too_long_for_a_small_buffer_decodes_as_a_short_one()
    {
        string longQuery = "/search?q=" + string.Concat(Enumerable.Repeat("%E5%9B%BD+國", 300));

        Assert.Null(RequestTargetValidation.Check(longQuery));
        Assert.Contains("not as UTF-8", RequestTargetValidation.Check(longQuery + "%E5%9B"));
        Assert.Contains("control characters", RequestTargetValidation.Check(longQuery + "%00"));
    }

    [Fact]
    public void Lengths_are_bounded_after_decoding_for_the_path_and_as_sent_for_the_query()
    {
        string longestTitle = "/category/" + string.Concat(Enumerable.Repeat("%E5%9B%BD", 255));

        Assert.Null(RequestTargetValidation.Check(longestTitle));
        Assert.Contains("at most 512", RequestTargetValidation.Check("/wiki/" + new string('a', 507)));
        Assert.Null(RequestTargetValidation.Check("/wiki/" + new string('a', 506)));
        Assert.Contains("at most 4096", RequestTargetValidation.Check("/search?q=" + new string('a', 4095)));
        Assert.Null(RequestTargetValidation.Check("/search?q=" + new string('a', 4094)));
    }
}
