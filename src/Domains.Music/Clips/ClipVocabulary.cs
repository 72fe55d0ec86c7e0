namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>
/// The clip token vocabulary. A clip reads <c>M4 BAR P0 N60 D12 V3 N64 D12 V3 P24 ... BAR ...</c>:
/// a meter token (quarters per bar), then per bar a <c>BAR</c> followed by positions in increasing order, each
/// followed by one or more notes in increasing pitch order, each note a pitch, a duration bin and a velocity bin.
/// </summary>
public static class ClipVocabulary
{
    /// <summary>Grid resolution: 12 steps per quarter note keeps sixteenths, triplets and swung eighths.</summary>
    public const int StepsPerQuarter = 12;
    /// <summary>Most bars in a clip.</summary>
    public const int MaxBars = 4;
    /// <summary>Most notes sounding at once.</summary>
    public const int MaxPolyphony = 8;
    /// <summary>Lowest pitch (A0).</summary>
    public const int MinPitch = 21;
    /// <summary>Highest pitch (C8).</summary>
    public const int MaxPitch = 108;
    /// <summary>Token that starts a bar.</summary>
    public const string Bar = "BAR";

    /// <summary>Meters (quarters per bar) a clip can have; 6/8 counts as 3.</summary>
    public static IReadOnlyList<int> Meters { get; } = [2, 3, 4];

    /// <summary>Duration bins in steps (1/12 quarter up to four 4/4 bars); a duration is written as its nearest bin.</summary>
    public static IReadOnlyList<int> DurationBins { get; } = [1, 2, 3, 4, 6, 8, 9, 12, 16, 18, 24, 30, 36, 48, 72, 96, 144, 192];

    /// <summary>Velocity of each velocity bin V1..V4 (pp, mp, mf, ff).</summary>
    public static IReadOnlyList<int> VelocityBins { get; } = [40, 64, 88, 112];

    /// <summary>Every token, in a stable order (meters, BAR, positions, pitches, durations, velocities).</summary>
    public static IReadOnlyList<string> AllTokens { get; } =
    [
        .. Meters.Select(m => $"M{m}"), Bar,
        .. Enumerable.Range(0, 4 * StepsPerQuarter).Select(p => $"P{p}"),
        .. Enumerable.Range(MinPitch, MaxPitch - MinPitch + 1).Select(p => $"N{p}"),
        .. DurationBins.Select(d => $"D{d}"),
        .. Enumerable.Range(1, 4).Select(v => $"V{v}"),
    ];

    /// <summary>The duration bin nearest to <paramref name="steps"/> (ties go to the shorter).</summary>
    public static int QuantizeDuration(int steps)
    {
        int best = DurationBins[0];
        foreach (int bin in DurationBins)
        {
            if (Math.Abs(bin - steps) < Math.Abs(best - steps))
            {
                best = bin;
            }
        }
        return best;
    }

    /// <summary>Velocity bin 1..4 of a MIDI velocity.</summary>
    public static int VelocityBin(int velocity) => velocity < 52 ? 1 : velocity < 76 ? 2 : velocity < 100 ? 3 : 4;

    /// <summary>Classifies a token: its kind and number, or <see cref="ClipTokenKind.Invalid"/>.</summary>
    public static (ClipTokenKind Kind, int Value) Classify(string token)
    {
        if (token == Bar)
        {
            return (ClipTokenKind.Bar, 0);
        }
        if (token.Length < 2 || !int.TryParse(token.AsSpan(1), System.Globalization.NumberStyles.None, null, out int v)
            || (token.Length > 2 && token[1] == '0'))
        {
            return (ClipTokenKind.Invalid, 0);
        }
        return token[0] switch
        {
            'M' when Meters.Contains(v) => (ClipTokenKind.Meter, v),
            'P' when v < 4 * StepsPerQuarter => (ClipTokenKind.Position, v),
            'N' when v is >= MinPitch and <= MaxPitch => (ClipTokenKind.Pitch, v),
            'D' when DurationBins.Contains(v) => (ClipTokenKind.Duration, v),
            'V' when v is >= 1 and <= 4 => (ClipTokenKind.Velocity, v),
            _ => (ClipTokenKind.Invalid, 0),
        };
    }
}
