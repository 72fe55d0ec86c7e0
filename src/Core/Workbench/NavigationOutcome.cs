namespace LatentWorkbench.Core.Workbench;

/// <summary>What became of one request to <see cref="Navigation.RunMany"/>: its result, or the error that stopped it alone.</summary>
public sealed record NavigationOutcome(NavigationResult? Result, Exception? Error)
{
    /// <summary>The result, or the error thrown.</summary>
    public NavigationResult ResultOrThrow() => Result ?? throw Error!;
}
