namespace LatentWorkbench.Core.Workbench;

/// <summary>User input that cannot be used (invalid item, unknown token, too long), with the position when known.</summary>
public sealed class ItemInputException(string message, int position = -1) : Exception(message)
{
    /// <summary>0-based character position of the problem, or -1.</summary>
    public int Position { get; } = position;
}
