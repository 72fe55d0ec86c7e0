using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Services;
using LatentWorkbench.Storage;
using System.Security.Claims;
using LatentWorkbench.Storage.Accounts;
using LatentWorkbench.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LatentWorkbench.Web.Apis;

/// <summary>
/// The library over REST: list and search (name, tag, structure pattern), add, import a file, export, share, remove.
/// Everyone sees the lab's items, their own and the shared ones; editors add, share and remove their own.
/// </summary>
public static class LibraryApi
{
    /// <summary>Maps <c>/api/library/{domain}</c>.</summary>
    public static RouteGroupBuilder MapLibraryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/library/{domain}").WithTags("Library").RequireRole(WorkbenchRoles.Viewer);
        api.MapGet("/", List).WithSummary("Items, newest first; q filters by name or tag, pattern by structure (e.g. SMARTS)").ProducesProblems(400, 404);
        api.MapPost("/", Add).WithSummary("Adds an item (validated, stored canonical with its properties)").ProducesProblems(400, 404)
            .RequireRole(WorkbenchRoles.Editor);
        api.MapPost("/import", Import).WithSummary("Adds every item of an uploaded file (multipart field 'file')").DisableAntiforgery().ProducesProblems(400, 404)
            .RequireRole(WorkbenchRoles.Editor);
        api.MapGet("/export", Export).WithSummary("The library as CSV or a domain format").ProducesFile().ProducesProblems(400, 404);
        api.MapPut("/{id:long}/shared", Share).WithSummary("Shares one of your items with the lab, or makes it private again").ProducesProblems(400, 404)
            .RequireRole(WorkbenchRoles.Editor);
        api.MapDelete("/{id:long}", Remove).WithSummary("Removes one of your items").ProducesProblems(404).RequireRole(WorkbenchRoles.Editor);
        return api.WithApiErrors();
    }

    private static Ok<LibraryItem[]> List(string domain, string? q, string? pattern, LibrarySearch search, ClaimsPrincipal user) =>
        TypedResults.Ok(search.Find(WorkbenchCaller.AccessOf(user), domain, q, pattern).ToArray());

    private static Created<LibraryItem> Add(string domain, AddLibraryItemRequest request, LibraryStore store, ClaimsPrincipal user)
    {
        ApiErrors.Require(!string.IsNullOrWhiteSpace(request.Text), "text is required");
        var item = store.Add(WorkbenchCaller.AccessOf(user), domain, request.Text, request.Name, request.Tags, request.Shared);
        return TypedResults.Created($"/api/library/{item.Domain}/{item.Id}", item);
    }

    private static async Task<Ok<ImportReport>> Import(string domain, IFormFile file, LibraryImporter importer, ClaimsPrincipal user, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return TypedResults.Ok(importer.Import(WorkbenchCaller.AccessOf(user), domain, file.FileName, buffer.ToArray()));
    }

    private static IResult Export(string domain, string? format, LibraryStore store, DomainRegistry registry, ClaimsPrincipal user)
    {
        var module = registry.Get(domain);
        var items = store.List(WorkbenchCaller.AccessOf(user), module.Id).Select(i => new ExportItem(i.Name, i.Text, true, i.Properties)).ToList();
        return ExportFiles.Of(module, format, items, $"{module.Id}-library");
    }

    private static Results<NoContent, ProblemHttpResult> Share(string domain, long id, ShareLibraryItemRequest request, LibraryStore store, ClaimsPrincipal user) =>
        store.SetShared(WorkbenchCaller.AccessOf(user), domain, id, request.Shared) ? TypedResults.NoContent() : NotYours(domain, id);

    private static Results<NoContent, ProblemHttpResult> Remove(string domain, long id, LibraryStore store, ClaimsPrincipal user) =>
        store.Remove(WorkbenchCaller.AccessOf(user), domain, id) ? TypedResults.NoContent() : NotYours(domain, id);

    // One answer for "not there" and "not yours", so that others' private items cannot be found by trying ids.
    private static ProblemHttpResult NotYours(string domain, long id) =>
        TypedResults.Problem($"There is no {domain} library item {id} of yours.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}

/// <summary>Body of <c>POST /api/library/{domain}</c>; <c>shared</c> shows the item to the whole lab.</summary>
public sealed record AddLibraryItemRequest(string Text, string? Name = null, IReadOnlyList<string>? Tags = null, bool Shared = false);

/// <summary>Body of <c>PUT /api/library/{domain}/{id}/shared</c>.</summary>
public sealed record ShareLibraryItemRequest(bool Shared);
