namespace LatentWorkbench.Core.Workbench;

/// <summary>
/// What became of one request of a batch (<see cref="PathInterpolation.RunMany"/>, <see cref="Navigation.RunMany"/>):
/// its result, or the error that stopped it alone.
/// </summary>
public sealed record RequestOutcome<T>(T? Result, Exception? Error) where T : class
{
    /// <summary>The result, or the error thrown.</summary>
    public T ResultOrThrow() => Result ?? throw Error!;
}
