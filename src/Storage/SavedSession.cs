namespace LatentWorkbench.Storage;

/// <summary>
/// A saved interpolation or navigation: what was asked (request JSON) and what came back (result JSON), and the user
/// who ran it (null: the lab's).
/// </summary>
public sealed record SavedSession(long Id, string Kind, string Domain, string Title, string Request, string Result, DateTimeOffset Created,
    string? Owner = null);
