# Multi-stage build: the SDK image publishes, the ASP.NET runtime image serves.
# Both are pinned to the versions the project is built and tested with
# (SDK 10.0.401, runtime 10.0.12), so a rebuild does not change under it.
FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
WORKDIR /source
COPY .editorconfig ./
COPY seeds/ seeds/
COPY src/ src/
RUN dotnet publish src/WikiViewer/WikiViewer.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0.12
WORKDIR /app
COPY --from=build /app ./
# The seeds ship inside the app (./seeds); mount another folder and set
# Wiki__ContentPath to serve it. The store file kept there lets a restart serve
# at once instead of loading the folder again; mount a volume at
# /var/cache/wikiviewer to keep it across containers.
RUN install -d -o "$APP_UID" /var/cache/wikiviewer
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Wiki__SnapshotPath=/var/cache/wikiviewer/store.wikiviewer
EXPOSE 8080
# The runtime image has no curl: the app asks its own /healthz ("healthy" once
# the store is loaded; a large folder's first load can take minutes).
HEALTHCHECK --interval=30s --timeout=10s --start-period=5m --retries=3 \
    CMD ["dotnet", "WikiViewer.dll", "healthcheck"]
# The official images provide an unprivileged 'app' user ($APP_UID).
USER $APP_UID
ENTRYPOINT ["dotnet", "WikiViewer.dll"]
