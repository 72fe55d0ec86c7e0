namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>Outcome of parsing clip text: the clip, or what is wrong and at which character.</summary>
/// <param name="Clip">The clip when the text is well formed.</param>
/// <param name="Error">What is wrong, or <c>null</c>.</param>
/// <param name="Position">0-based character index of the offending token, -1 when none.</param>
public sealed record ClipParseResult(Clip? Clip, string? Error = null, int Position = -1)
{
    /// <summary>Whether the text was a well-formed clip.</summary>
    public bool Ok => Clip is not null;
}
