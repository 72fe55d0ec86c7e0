namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>A chord symbol for the sample generators: root pitch class and the intervals of its tones.</summary>
internal sealed record SampleChord(int Root, int[] Intervals, bool Dominant)
{
    private static readonly string[] Names = ["C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"];

    /// <summary>Third of the chord (3 or 4 semitones above the root).</summary>
    public int Third => Intervals[1];

    /// <summary>Seventh (or the sixth/octave for triads).</summary>
    public int Seventh => Intervals.Length > 3 ? Intervals[3] : 12;

    /// <summary>Parses symbols such as C, Am, F#m, Dm7, G7, Cmaj7, Dm7b5, Bdim7.</summary>
    public static SampleChord Parse(string symbol)
    {
        int length = symbol.Length > 1 && symbol[1] is 'b' or '#' ? 2 : 1;
        int root = Array.IndexOf(Names, symbol[..1]) + (length == 1 ? 0 : symbol[1] == '#' ? 1 : -1);
        int[] intervals = symbol[length..] switch
        {
            "" => [0, 4, 7],
            "m" => [0, 3, 7],
            "7" => [0, 4, 7, 10],
            "maj7" => [0, 4, 7, 11],
            "m7" => [0, 3, 7, 10],
            "m7b5" => [0, 3, 6, 10],
            "dim7" => [0, 3, 6, 9],
            var q => throw new FormatException($"unknown chord quality '{q}' in '{symbol}'"),
        };
        return new SampleChord((root + 12) % 12, intervals, symbol[length..] == "7");
    }

    /// <summary>Scale degrees (intervals) that sound good over the chord, for melodies.</summary>
    public int[] Scale => (Third, Seventh, Intervals[2]) switch
    {
        (4, 10, _) => [0, 2, 4, 5, 7, 9, 10],
        (4, _, _) => [0, 2, 4, 7, 9, 11],
        (3, _, 6) => [0, 1, 3, 5, 6, 8, 10],
        _ => [0, 2, 3, 5, 7, 9, 10],
    };

    /// <summary>The pitch of pitch class <paramref name="interval"/> above the root nearest to <paramref name="near"/>.</summary>
    public int Nearest(int interval, int near)
    {
        int pc = (Root + interval) % 12;
        int candidate = near - (((near - pc) % 12) + 12) % 12;
        return near - candidate > 6 ? candidate + 12 : candidate;
    }
}
