namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>
/// Fits a linear time map <c>t' = scale * t + offset</c> from a performed file's note times to its beat table.
/// The Weimar Jazz Database MIDI files drift against their beat tables by up to about 1% (their nominal tempo and
/// tick rounding), so raw seconds land on random grid steps after a minute; the fit removes that drift. It maximises
/// how well onsets fall on the beat or on the swung off-beat (2/3 of a beat): the mean over onsets of
/// <c>max(cos 2πb, cos 2π(b - 2/3))</c> where <c>b</c> is the fractional beat position. Coarse grid search, then a
/// finer one around the best point; cost is linear in the number of onsets.
/// </summary>
public static class BeatAligner
{
    /// <summary>Largest relative tempo drift searched (1.5%).</summary>
    public const double MaxDrift = 0.015;

    /// <summary>Largest constant offset searched, in seconds.</summary>
    public const double MaxOffsetSeconds = 0.4;

    /// <summary>The scale and offset (seconds) that best put <paramref name="onsets"/> (seconds) on <paramref name="beats"/>.</summary>
    public static (double Scale, double Offset) Fit(IReadOnlyList<double> onsets, BeatGrid beats)
    {
        ArgumentNullException.ThrowIfNull(onsets);
        ArgumentNullException.ThrowIfNull(beats);
        if (onsets.Count < 8 || beats.Onsets.Count < 2)
        {
            return (1, 0);
        }
        // Subsample long solos: 200 onsets pin a two-parameter fit and keep it fast.
        var sample = onsets.Where((_, i) => i % Math.Max(1, onsets.Count / 200) == 0).ToArray();
        var best = Search(sample, beats, 1, 0, MaxDrift, MaxOffsetSeconds, 21, 25);
        best = Search(sample, beats, best.Scale, best.Offset, 0.0015, 0.03, 9, 9);
        return (best.Scale, best.Offset);
    }

    private static (double Scale, double Offset, double Score) Search(
        double[] onsets, BeatGrid beats, double scale0, double offset0, double scaleSpan, double offsetSpan, int scales, int offsets)
    {
        var best = (Scale: scale0, Offset: offset0, Score: double.NegativeInfinity);
        for (int i = 0; i < scales; i++)
        {
            double scale = scale0 - scaleSpan + 2 * scaleSpan * i / (scales - 1);
            for (int j = 0; j < offsets; j++)
            {
                double offset = offset0 - offsetSpan + 2 * offsetSpan * j / (offsets - 1);
                double score = 0;
                foreach (double t in onsets)
                {
                    double b = beats.BeatAt(scale * t + offset);
                    score += Math.Max(Math.Cos(2 * Math.PI * b), Math.Cos(2 * Math.PI * (b - 2.0 / 3)));
                }
                if (score > best.Score)
                {
                    best = (scale, offset, score);
                }
            }
        }
        return best;
    }
}
