using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NetArchTest.Rules;

namespace WikiViewer.Tests.Pages;

/// <summary>
/// PageModels hand their views view models (sealed records of what the page shows),
/// so a view only renders: it cannot reach into the store or look up search hits.
/// </summary>
public class ViewModelTests
{
    // What a view must not see: the store, the search engine, the loader.
    private static readonly string[] Behind = ["WikiViewer.Store", "WikiViewer.Search", "WikiViewer.Loading"];

    private static readonly Assembly App = typeof(Program).Assembly;

    public static TheoryData<string> PageModels =>
        [.. App.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel))).Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(PageModels))]
    public void A_page_model_exposes_only_view_models(string pageModel)
    {
        var type = App.GetTypes().Single(t => t.Name == pageModel);
        var leaks = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => Mentions(p.PropertyType))
            .Select(p => $"{p.Name}: {p.PropertyType.Name}")
            .ToArray();

        Assert.True(leaks.Length == 0, $"{pageModel} exposes {string.Join(", ", leaks)}");
    }

    [Fact]
    public void View_models_hold_only_what_a_page_shows()
    {
        var viewModels = App.GetTypes()
            .Where(t => t.Namespace == "WikiViewer.Web.Pages" && t.IsSealed && t.GetMethod("<Clone>$") is not null)
            .ToArray();
        var leaks = viewModels
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance), (t, p) => (t, p))
            .Where(x => Mentions(x.p.PropertyType))
            .Select(x => $"{x.t.Name}.{x.p.Name}")
            .ToArray();

        Assert.NotEmpty(viewModels);
        Assert.True(leaks.Length == 0, $"view models hold {string.Join(", ", leaks)}");
    }

    [Fact]
    public void Views_use_neither_the_store_nor_search()
    {
        // Razor compiles Web/Pages/X.cshtml to WikiViewer.Web.Pages.Web_Pages_X (the @namespace of _ViewImports).
        var views = Types.InAssembly(App).That().ResideInNamespace("WikiViewer.Web.Pages").And().HaveNameStartingWith("Web_Pages_");
        Assert.NotEmpty(views.GetTypes());

        var result = views.ShouldNot().HaveDependencyOnAny(Behind).GetResult();

        Assert.True(result.IsSuccessful, $"views that reach behind their page model: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    private static bool Mentions(Type type) =>
        Behind.Any(ns => type.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal)))
        || (type.IsGenericType && type.GetGenericArguments().Any(Mentions))
        || (type.IsArray && Mentions(type.GetElementType()!));
}
