namespace WikiViewer.Loading;

public static class WikiStoreServiceCollectionExtensions
{
    /// <summary>
    /// The page store, loaded from <c>Wiki:ContentPath</c>. The folder is checked
    /// here, before the host starts, so a wrong path is one clear line at startup.
    /// </summary>
    public static IServiceCollection AddWikiStore(this IServiceCollection services, IConfiguration configuration)
    {
        var folder = ContentFolder.Open(configuration["Wiki:ContentPath"]);
        services.AddSingleton(folder);
        services.AddSingleton<ArticleStoreLoader>();
        services.AddHostedService(sp => sp.GetRequiredService<ArticleStoreLoader>());
        services.AddSingleton(sp => sp.GetRequiredService<ArticleStoreLoader>().Store);
        return services;
    }
}
