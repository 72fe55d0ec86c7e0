using LatentWorkbench.Web.Accounts;
using LatentWorkbench.Storage.Accounts;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Workbench;
using Microsoft.Extensions.Caching.Memory;

namespace LatentWorkbench.Web.Apis;

/// <summary><c>GET /api/domains/{domain}/audio?item=...</c>: a WAV rendering of an item, for domains that can be heard.</summary>
public static class AudioApi
{
    /// <summary>Longest item text accepted.</summary>
    public const int MaxItemLength = 4000;

    /// <summary>Renderings kept in memory (a path's cards ask for the same clips again when a page is reopened).</summary>
    public const int CachedRenderings = 64;

    /// <summary>Maps the audio endpoint.</summary>
    public static RouteHandlerBuilder MapAudioApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/domains/{domain}/audio", Render).WithTags("Domains").WithSummary("WAV rendering of an item")
            .ProducesFile("audio/wav").ProducesProblems(400, 404).RequireRole(WorkbenchRoles.Viewer).WithApiErrors();

    private static async Task<IResult> Render(string domain, string? item, DomainRegistry registry, AudioCache cache, CancellationToken ct)
    {
        var module = registry.Get(domain);
        if (module.Audio is not { } audio) throw new ItemInputException($"Domain '{module.Id}' has no audio rendering.");
        var canonical = ApiErrors.CanonicalItem(module, item, MaxItemLength);
        var wav = await cache.Memory.GetOrCreateAsync((module.Id, canonical), entry =>
        {
            entry.Size = 1;
            return Task.Run(() => audio.RenderWav(canonical), ct);
        });
        return TypedResults.File(wav!, "audio/wav", enableRangeProcessing: true);
    }
}

/// <summary>The memory cache of rendered audio (bounded by <see cref="AudioApi.CachedRenderings"/> entries).</summary>
public sealed class AudioCache : IDisposable
{
    /// <summary>The cache.</summary>
    public MemoryCache Memory { get; } = new(new MemoryCacheOptions { SizeLimit = AudioApi.CachedRenderings });

    /// <inheritdoc/>
    public void Dispose() => Memory.Dispose();
}
