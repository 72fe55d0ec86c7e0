using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Cli;

/// <summary>Exit codes of the <c>latent</c> command and the mapping of failures onto them.</summary>
public static class CliErrors
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 1;
    /// <summary>The input (item, file, model folder, option value) is wrong.</summary>
    public const int BadInput = 2;
    /// <summary>Something failed inside the tool.</summary>
    public const int Internal = 3;

    /// <summary>Exit code for an exception escaping a command.</summary>
    public static int ExitCodeOf(Exception e) => e switch
    {
        ItemInputException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException
            or ArgumentException or FormatException or InvalidOperationException or UnauthorizedAccessException => BadInput,
        _ => Internal,
    };

    /// <summary>One-line message for the user.</summary>
    public static string MessageOf(Exception e) => e switch
    {
        ItemInputException { Position: >= 0 } item => $"{item.Message} (at position {item.Position})",
        _ when ExitCodeOf(e) == Internal => $"internal error: {e.GetType().Name}: {e.Message}",
        _ => e.Message,
    };
}
