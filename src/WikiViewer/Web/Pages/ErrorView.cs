namespace WikiViewer.Web.Pages;

/// <summary>An error page: the status in words, and what exactly was wrong with the request when that is known.</summary>
/// <param name="Detail">A 4xx's reason, when the refusal gave one; never anything about a server error.</param>
public sealed record ErrorView(int Status, string Heading, string Explanation, string? Detail)
{
    public static ErrorView From(int status, string? detail) =>
        new(status, HeadingOf(status), ExplanationOf(status), status < 500 ? detail : null);

    private static string HeadingOf(int status) => status switch
    {
        400 => "请求无效",
        404 => "找不到页面",
        405 => "不支持此请求方法",
        429 => "请求过于频繁",
        >= 500 => "服务器出错了",
        _ => "请求未能完成",
    };

    private static string ExplanationOf(int status) => status switch
    {
        400 => "请求的地址或参数格式不正确。",
        404 => "这个地址没有对应的页面。",
        405 => "这个页面只能阅读，不能提交或修改。",
        429 => "请稍等片刻再试。",
        >= 500 => "处理请求时发生了意外错误，已记录在日志中。",
        _ => "请返回首页继续浏览。",
    };
}
