namespace LatentWorkbench.Storage;

/// <summary>A saved interpolation or navigation: what was asked (request JSON) and what came back (result JSON).</summary>
public sealed record SavedSession(long Id, string Kind, string Domain, string Title, string Request, string Result, DateTimeOffset Created);
