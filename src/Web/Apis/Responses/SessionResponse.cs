using System.Text.Json;
using LatentWorkbench.Storage;

namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>A saved session with what was asked and what came back.</summary>
/// <param name="Id">Session id.</param>
/// <param name="Kind">What was run: <c>interpolation</c> or <c>navigation</c>.</param>
/// <param name="Domain">Domain id.</param>
/// <param name="Title">A short title.</param>
/// <param name="Created">When it was saved.</param>
/// <param name="Request">The request as the workbench stored it.</param>
/// <param name="Result">The result as the workbench stored it (points, or a navigation result).</param>
public sealed record SessionResponse(long Id, string Kind, string Domain, string Title, DateTimeOffset Created, JsonElement Request, JsonElement Result)
{
    /// <summary>The response for <paramref name="s"/>.</summary>
    public static SessionResponse Of(SavedSession s) => new(s.Id, s.Kind, s.Domain, s.Title, s.Created,
        JsonDocument.Parse(s.Request).RootElement, JsonDocument.Parse(s.Result).RootElement);
}
