using System.Globalization;

namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>
/// Beat annotations of a performed piece (Weimar Jazz Database beat tables): for each beat its onset in seconds and
/// the bar it belongs to. Used to put performed, unquantized notes on the clip grid.
/// </summary>
/// <param name="Onsets">Beat onsets in seconds, increasing.</param>
/// <param name="BarNumbers">Bar number of each beat (same length as <see cref="Onsets"/>).</param>
public sealed record BeatGrid(IReadOnlyList<double> Onsets, IReadOnlyList<int> BarNumbers)
{
    /// <summary>
    /// Parses a CSV with a header naming at least <c>bar</c> and <c>onset</c> columns. Throws
    /// <see cref="InvalidDataException"/> with the line number when a row cannot be read.
    /// </summary>
    public static BeatGrid Parse(string csv)
    {
        var lines = csv.Split('\n');
        var header = lines[0].Trim().Split(',');
        int bar = Array.IndexOf(header, "bar"), onset = Array.IndexOf(header, "onset");
        if (bar < 0 || onset < 0)
        {
            throw new InvalidDataException("beat table needs 'bar' and 'onset' columns on line 1");
        }
        var onsets = new List<double>();
        var bars = new List<int>();
        for (int i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Trim().Split(',');
            if (cells.Length <= Math.Max(bar, onset))
            {
                continue;
            }
            if (!int.TryParse(cells[bar], CultureInfo.InvariantCulture, out int b)
                || !double.TryParse(cells[onset], CultureInfo.InvariantCulture, out double t))
            {
                throw new InvalidDataException($"line {i + 1}: cannot read bar '{cells[bar]}' or onset '{cells[onset]}'");
            }
            if (onsets.Count == 0 || t > onsets[^1])
            {
                onsets.Add(t);
                bars.Add(b);
            }
        }
        return new BeatGrid(onsets, bars);
    }

    /// <summary>Fractional beat index at <paramref name="seconds"/> (extrapolated with the nearest beat length outside the table).</summary>
    public double BeatAt(double seconds)
    {
        int n = Onsets.Count;
        if (n < 2)
        {
            return 0;
        }
        int lo = 0, hi = n - 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) / 2;
            if (Onsets[mid] <= seconds)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return lo + (seconds - Onsets[lo]) / (Onsets[lo + 1] - Onsets[lo]);
    }
}
