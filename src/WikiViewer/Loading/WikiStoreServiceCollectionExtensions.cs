namespace WikiViewer.Loading;

public static class WikiStoreServiceCollectionExtensions
{
    /// <summary>
    /// The page store, loaded from <c>Wiki:ContentPath</c> into a store file, or opened from the
    /// one at <c>Wiki:SnapshotPath</c> when it was made from that content; with <c>Wiki:StoreReadOnly</c>,
    /// that file served as it is (<see cref="StoreLocation.ReadOnly"/>). The settings are checked
    /// here, before the host starts, so a wrong one is one clear line at startup.
    /// </summary>
    public static IServiceCollection AddWikiStore(this IServiceCollection services, IConfiguration configuration)
    {
        var folder = ContentFolder.Open(configuration["Wiki:ContentPath"]);
        services.AddSingleton(folder);
        services.AddSingleton(StoreLocation.Configured(configuration["Wiki:SnapshotPath"], configuration["Wiki:StoreReadOnly"]));
        services.AddSingleton<ArticleStoreLoader>();
        services.AddHostedService(sp => sp.GetRequiredService<ArticleStoreLoader>());
        // Scoped: a request reads one store throughout, even if a newer one replaces it meanwhile.
        services.AddScoped(sp => sp.GetRequiredService<ArticleStoreLoader>().Store);
        return services;
    }
}
