using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Apis.Responses;
using LatentWorkbench.Storage;
using System.Security.Claims;
using LatentWorkbench.Storage.Accounts;
using LatentWorkbench.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;

namespace LatentWorkbench.Web.Apis;

/// <summary>Saved sessions (interpolations and navigations run in the workbench): list, read, export, remove.</summary>
public static class SessionsApi
{
    /// <summary>Maps <c>/api/sessions</c>.</summary>
    public static RouteGroupBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sessions").WithTags("Sessions").RequireRole(WorkbenchRoles.Viewer);
        api.MapGet("/", List).WithSummary("Saved sessions, newest first");
        api.MapGet("/{id:long}", Get).WithSummary("One session with its request and result").ProducesProblems(404);
        api.MapGet("/{id:long}/export", Export).WithSummary("The session's items as CSV or a domain format").ProducesFile().ProducesProblems(400, 404);
        api.MapGet("/{id:long}/audio", Audio).WithSummary("The session's valid items played one after another (WAV), for domains that can be heard")
            .ProducesFile("audio/wav").ProducesProblems(400, 404);
        api.MapDelete("/{id:long}", Remove).WithSummary("Removes a session").ProducesProblems(404);
        return api.WithApiErrors();
    }

    private static Ok<SessionSummaryResponse[]> List(string? domain, SessionStore store, ClaimsPrincipal user) =>
        TypedResults.Ok(store.List(WorkbenchCaller.AccessOf(user), domain).Select(SessionSummaryResponse.Of).ToArray());

    private static Results<Ok<SessionResponse>, ProblemHttpResult> Get(long id, SessionStore store, ClaimsPrincipal user) => store.Get(WorkbenchCaller.AccessOf(user), id) is { } s
        ? TypedResults.Ok(SessionResponse.Of(s))
        : NotFound(id);

    private static IResult Export(long id, string? format, SessionStore store, DomainRegistry registry, ClaimsPrincipal user)
    {
        if (store.Get(WorkbenchCaller.AccessOf(user), id) is not { } session) return NotFound(id);
        return ExportFiles.Of(registry.Get(session.Domain), format, ExportFiles.FromPoints(PointsOf(session)), $"{session.Kind}-{id}");
    }

    private static async Task<IResult> Audio(long id, SessionStore store, DomainRegistry registry, AudioCache cache, ClaimsPrincipal user, CancellationToken ct)
    {
        if (store.Get(WorkbenchCaller.AccessOf(user), id) is not { } session) return NotFound(id);
        var domain = registry.Get(session.Domain);
        if (domain.Audio is not { } audio) throw new ItemInputException($"Domain '{domain.Id}' has no audio rendering.");
        var texts = PointsOf(session).Where(p => p.Valid).Select(p => p.Text).ToList();
        if (texts.Count == 0) throw new ItemInputException($"Session {id} holds no valid item to play.");
        var wav = await cache.Memory.GetOrCreateAsync((domain.Id, "sequence", string.Join('\n', texts)), entry =>
        {
            entry.Size = 1;
            return Task.Run(() => audio.RenderSequenceWav(texts), ct);
        });
        return wav is null
            ? throw new ItemInputException($"{domain.DisplayName} cannot play its items in sequence.")
            : TypedResults.File(wav, "audio/wav", enableRangeProcessing: true);
    }

    /// <summary>The decoded points of a session: an interpolation's path, or a navigation's candidates.</summary>
    private static IEnumerable<LatentPoint> PointsOf(SavedSession session) => session.Kind == SessionStore.Navigation
        ? SessionStore.ResultOf<NavigationResult>(session)?.Candidates.Select(c => c.Point) ?? []
        : SessionStore.ResultOf<LatentPoint[]>(session) ?? [];

    private static Results<NoContent, ProblemHttpResult> Remove(long id, SessionStore store, ClaimsPrincipal user) =>
        store.Remove(WorkbenchCaller.AccessOf(user), id) ? TypedResults.NoContent() : NotFound(id);

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem($"There is no session {id}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
