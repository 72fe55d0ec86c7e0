using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Services;
using LatentWorkbench.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LatentWorkbench.Web.Apis;

/// <summary>The library over REST: list and search (name, tag, structure pattern), add, import a file, export, remove.</summary>
public static class LibraryApi
{
    /// <summary>Maps <c>/api/library/{domain}</c>.</summary>
    public static RouteGroupBuilder MapLibraryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/library/{domain}").WithTags("Library");
        api.MapGet("/", List).WithSummary("Items, newest first; q filters by name or tag, pattern by structure (e.g. SMARTS)").ProducesProblems(400, 404);
        api.MapPost("/", Add).WithSummary("Adds an item (validated, stored canonical with its properties)").ProducesProblems(400, 404);
        api.MapPost("/import", Import).WithSummary("Adds every item of an uploaded file (multipart field 'file')").DisableAntiforgery().ProducesProblems(400, 404);
        api.MapGet("/export", Export).WithSummary("The library as CSV or a domain format").ProducesFile().ProducesProblems(400, 404);
        api.MapDelete("/{id:long}", Remove).WithSummary("Removes an item").ProducesProblems(404);
        return api.WithApiErrors();
    }

    private static Ok<LibraryItem[]> List(string domain, string? q, string? pattern, LibrarySearch search) =>
        TypedResults.Ok(search.Find(domain, q, pattern).ToArray());

    private static Created<LibraryItem> Add(string domain, AddLibraryItemRequest request, LibraryStore store)
    {
        ApiErrors.Require(!string.IsNullOrWhiteSpace(request.Text), "text is required");
        var item = store.Add(domain, request.Text, request.Name, request.Tags);
        return TypedResults.Created($"/api/library/{item.Domain}/{item.Id}", item);
    }

    private static async Task<Ok<ImportReport>> Import(string domain, IFormFile file, LibraryImporter importer, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return TypedResults.Ok(importer.Import(domain, file.FileName, buffer.ToArray()));
    }

    private static IResult Export(string domain, string? format, LibraryStore store, DomainRegistry registry)
    {
        var module = registry.Get(domain);
        var items = store.List(module.Id).Select(i => new ExportItem(i.Name, i.Text, true, i.Properties)).ToList();
        return ExportFiles.Of(module, format, items, $"{module.Id}-library");
    }

    private static Results<NoContent, ProblemHttpResult> Remove(string domain, long id, LibraryStore store) => store.Remove(domain, id)
        ? TypedResults.NoContent()
        : TypedResults.Problem($"There is no {domain} library item {id}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}

/// <summary>Body of <c>POST /api/library/{domain}</c>.</summary>
public sealed record AddLibraryItemRequest(string Text, string? Name = null, IReadOnlyList<string>? Tags = null);
