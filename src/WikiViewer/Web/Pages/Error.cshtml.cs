using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WikiViewer.Web;

namespace WikiViewer.Web.Pages;

/// <summary>The friendly page behind every error status: what went wrong, in words, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string Heading => Status switch
    {
        400 => "请求无效",
        404 => "找不到页面",
        405 => "不支持此请求方法",
        429 => "请求过于频繁",
        >= 500 => "服务器出错了",
        _ => "请求未能完成",
    };

    public string Explanation => Status switch
    {
        400 => "请求的地址或参数格式不正确。",
        404 => "这个地址没有对应的页面。",
        405 => "这个页面只能阅读，不能提交或修改。",
        429 => "请稍等片刻再试。",
        >= 500 => "处理请求时发生了意外错误，已记录在日志中。",
        _ => "请返回首页继续浏览。",
    };

    /// <summary>What exactly was wrong with the request (a 4xx's reason), when the refusal said.</summary>
    public string? Detail => Status < 500 ? RequestRejection.Of(HttpContext) : null;

    // Runs for every method, not only those with an On{Method} handler: the page
    // answers a refused PUT or DELETE (405) as it answers a GET. Asked for
    // directly (/error/500), it is no page: a visitor cannot fake server errors.
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        int code = HttpContext.IsErrorReExecution() && int.TryParse(RouteData.Values["code"]?.ToString(), out int value) ? value : 404;
        Status = Response.StatusCode = code is >= 400 and <= 599 ? code : 404;
    }

    // Without a handler Razor Pages answers OPTIONS itself with an empty 200.
    public void OnOptions()
    {
    }
}
