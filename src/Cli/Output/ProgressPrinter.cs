using LatentWorkbench.Core.Training;

namespace LatentWorkbench.Cli;

/// <summary>
/// Shows training progress on standard error: a redrawn bar with ETA in a terminal, plain lines otherwise (logs,
/// pipes, CI). Validation results and warnings always get their own line.
/// </summary>
public sealed class ProgressPrinter(TextWriter error, bool interactive) : IProgress<TrainingProgress>
{
    private const int Width = 30;
    private DateTime _lastPlain = DateTime.MinValue;

    /// <inheritdoc/>
    public void Report(TrainingProgress p)
    {
        lock (error)
        {
            if (p.Validation is not null || p.Warning is not null)
            {
                if (interactive) error.Write("\r" + new string(' ', 100) + "\r");
                error.WriteLine(p.Message);
                if (p.Warning is not null) error.WriteLine($"WARNING: {p.Warning}");
                return;
            }
            var fraction = p.TotalSteps == 0 ? 0 : (double)p.Step / p.TotalSteps;
            var line = $"{p.Message} | {p.TokensPerSecond:0} tok/s | ETA {p.Eta:hh\\:mm\\:ss}";
            if (interactive)
            {
                var filled = (int)Math.Round(fraction * Width);
                error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {line}".PadRight(100));
            }
            else if (DateTime.UtcNow - _lastPlain > TimeSpan.FromSeconds(10))
            {
                _lastPlain = DateTime.UtcNow;
                error.WriteLine($"{fraction:P1} {line}");
            }
        }
    }
}
