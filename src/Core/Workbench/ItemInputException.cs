namespace LatentWorkbench.Core.Workbench;

/// <summary>User input that cannot be used (invalid item, unknown token, too long), with the position when known.</summary>
public sealed class ItemInputException(string message, int position = -1) : Exception(message)
{
    /// <summary>0-based character position of the problem, or -1.</summary>
    public int Position { get; } = position;

    /// <summary>
    /// Whether <paramref name="error"/> says that a user's item cannot be used: this exception, or the argument, format
    /// and data errors a domain's parser or tokenizer throws for bad text. Such an error fails its own request alone.
    /// </summary>
    public static bool IsItemError(Exception error) => error is ItemInputException or ArgumentException or FormatException or InvalidDataException;
}
