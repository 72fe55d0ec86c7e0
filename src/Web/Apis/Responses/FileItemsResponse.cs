namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>
/// Answer of <c>POST /api/domains/{domain}/read</c>: the file's items, in file order, and the index of the one the
/// Explore upload and the CLI take when no part is named (music: the first clip whose bars all sound).
/// </summary>
public sealed record FileItemsResponse(string File, IReadOnlyList<FileItemResponse> Items, int FirstChoice);

/// <summary>
/// One item of a file: its name (a clip's bars, a record's title), its text (what the other endpoints take), its tags,
/// and what the reader had to assume to give it (null when the file said everything).
/// </summary>
public sealed record FileItemResponse(string Name, string Text, IReadOnlyList<string> Tags, string? Note);
