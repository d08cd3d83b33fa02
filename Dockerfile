# Multi-stage build: the SDK image publishes, the ASP.NET runtime image serves.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY .editorconfig ./
COPY seeds/ seeds/
COPY src/ src/
RUN dotnet publish src/WikiViewer/WikiViewer.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# The seeds ship inside the app (./seeds); mount another folder and set
# Wiki__ContentPath to serve it. A restart on the same content reads the store
# from its snapshot instead of loading the folder again; mount a volume at
# /var/cache/wikiviewer to keep it across containers.
RUN install -d -o "$APP_UID" /var/cache/wikiviewer
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Wiki__SnapshotPath=/var/cache/wikiviewer/store.snapshot
EXPOSE 8080
# The official images provide an unprivileged 'app' user ($APP_UID).
USER $APP_UID
ENTRYPOINT ["dotnet", "WikiViewer.dll"]
