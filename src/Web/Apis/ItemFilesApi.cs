using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Storage.Accounts;
using LatentWorkbench.Web.Accounts;
using LatentWorkbench.Web.Apis.Responses;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LatentWorkbench.Web.Apis;

/// <summary>
/// Items from and to the files users keep them in, for scripts, as the Explore page's upload and the command line's
/// <c>--from FILE</c> / <c>--out DIR</c> handle them: <c>POST /api/domains/{domain}/read</c> gives the items of an
/// uploaded file (a MIDI file's clips, named by their bars; an SD file's records), and
/// <c>GET /api/domains/{domain}/file?item=</c> gives one item as a file (a clip as MIDI, a molecule as SMILES or SD).
/// </summary>
public static class ItemFilesApi
{
    /// <summary>Maps the two endpoints under <c>/api/domains/{domain}</c>.</summary>
    public static RouteGroupBuilder MapItemFilesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/domains/{domain}").WithTags("Domains").RequireRole(WorkbenchRoles.Viewer);
        api.MapPost("/read", Read).WithSummary("The items of an uploaded file (multipart field 'file'), each with what the reader had to assume")
            .DisableAntiforgery().ProducesProblems(400, 404, 413);
        api.MapGet("/file", Write).WithSummary("One item as a file in the domain's format (extension picks one where it has several)")
            .ProducesFile("application/octet-stream").ProducesProblems(400, 404);
        return api.WithApiErrors();
    }

    private static async Task<Ok<FileItemsResponse>> Read(string domain, IFormFile file, DomainRegistry registry, CancellationToken ct)
    {
        var files = FilesOf(registry.Get(domain));
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        (IReadOnlyList<SampleItem> Items, int First) read;
        try
        {
            read = IItemFiles.ReadUpload(files, file.FileName, buffer.ToArray());
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new ItemInputException(e.Message);
        }
        return TypedResults.Ok(new FileItemsResponse(file.FileName, read.Items.Select(i => new FileItemResponse(i.Name, i.Text, i.Tags, i.Note)).ToArray(), read.First));
    }

    private static FileContentHttpResult Write(string domain, string? item, string? extension, string? name, DomainRegistry registry)
    {
        var module = registry.Get(domain);
        var files = FilesOf(module);
        var canonical = ApiErrors.CanonicalItem(module, item, AudioApi.MaxItemLength);
        var stem = string.IsNullOrWhiteSpace(name) ? "item" : name.Trim();
        ApiErrors.Require(stem.Length <= 100 && stem.IndexOfAny([.. Path.GetInvalidFileNameChars(), '\\']) < 0 && stem is not ("." or ".."),
            "name must be a plain file name of at most 100 characters");
        var written = files.Write(canonical, stem);
        var wanted = string.IsNullOrWhiteSpace(extension) ? null : "." + extension.Trim().TrimStart('.').ToLowerInvariant();
        var chosen = wanted is null ? written[0] : written.FirstOrDefault(f => Path.GetExtension(f.Name).Equals(wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new ItemInputException($"extension must be one of {string.Join(", ", written.Select(f => Path.GetExtension(f.Name)))} (got '{extension}')");
        return TypedResults.File(chosen.Content, chosen.ContentType, chosen.Name);
    }

    private static IItemFiles FilesOf(IDomainModule module) => module.Files
        ?? throw new ItemInputException($"The {module.DisplayName} domain has no file format; send its items as text.");
}
