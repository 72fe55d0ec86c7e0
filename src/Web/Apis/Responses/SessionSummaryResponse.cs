using LatentWorkbench.Storage;

namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>A saved session in a list.</summary>
/// <param name="Id">Session id.</param>
/// <param name="Kind">What was run: <c>interpolation</c> or <c>navigation</c>.</param>
/// <param name="Domain">Domain id.</param>
/// <param name="Title">A short title.</param>
/// <param name="Created">When it was saved.</param>
public sealed record SessionSummaryResponse(long Id, string Kind, string Domain, string Title, DateTimeOffset Created)
{
    /// <summary>The summary of <paramref name="s"/>.</summary>
    public static SessionSummaryResponse Of(SavedSession s) => new(s.Id, s.Kind, s.Domain, s.Title, s.Created);
}
