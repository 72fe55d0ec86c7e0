using System.Globalization;
using System.Text;

namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>Draws a clip as a piano roll: an SVG string with bar and beat lines, black-key rows and note boxes.</summary>
public static class PianoRoll
{
    /// <summary>
    /// An SVG of <paramref name="clip"/>, <paramref name="width"/> by <paramref name="height"/> pixels: time runs left
    /// to right, pitch bottom to top (lowest note minus 2 to highest plus 2, at least an octave), and a note's
    /// opacity follows its velocity.
    /// </summary>
    public static string ToSvg(Clip clip, int width = 640, int height = 240)
    {
        ArgumentNullException.ThrowIfNull(clip);
        int low = clip.Notes.Count == 0 ? 58 : clip.Notes.Min(n => n.Pitch) - 2;
        int high = clip.Notes.Count == 0 ? 70 : clip.Notes.Max(n => n.Pitch) + 2;
        if (high - low < 12)
        {
            low -= (12 - (high - low)) / 2;
            high = low + 12;
        }
        double rows = high - low + 1;
        double stepWidth = (double)width / Math.Max(1, clip.TotalSteps);
        double rowHeight = height / rows;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" class=\"piano-roll\">"));
        svg.Append(Invariant($"<rect width=\"{width}\" height=\"{height}\" fill=\"#fafafa\"/>"));
        for (int pitch = low; pitch <= high; pitch++)
        {
            if (pitch % 12 is 1 or 3 or 6 or 8 or 10)
            {
                svg.Append(Invariant($"<rect x=\"0\" y=\"{(high - pitch) * rowHeight:0.##}\" width=\"{width}\" height=\"{rowHeight:0.##}\" fill=\"#eeeeee\"/>"));
            }
        }
        for (int step = 0; step <= clip.TotalSteps; step += ClipVocabulary.StepsPerQuarter)
        {
            bool bar = step % clip.StepsPerBar == 0;
            svg.Append(Invariant($"<line x1=\"{step * stepWidth:0.##}\" y1=\"0\" x2=\"{step * stepWidth:0.##}\" y2=\"{height}\" stroke=\"{(bar ? "#888888" : "#dddddd")}\" stroke-width=\"{(bar ? 1.5 : 0.75)}\"/>"));
        }
        foreach (var n in clip.Notes)
        {
            double opacity = 0.35 + 0.65 * Math.Clamp(n.Velocity, 1, 127) / 127.0;
            svg.Append(Invariant($"<rect x=\"{n.Step * stepWidth:0.##}\" y=\"{(high - n.Pitch) * rowHeight:0.##}\" width=\"{Math.Max(1, n.Duration * stepWidth - 1):0.##}\" height=\"{Math.Max(1, rowHeight - 0.5):0.##}\" rx=\"1.5\" fill=\"#3b6fb6\" fill-opacity=\"{opacity:0.##}\"><title>{NoteName(n.Pitch)} step {n.Step} len {n.Duration} vel {n.Velocity}</title></rect>"));
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The SVG of clip text; throws <see cref="FormatException"/> with the bad token's position for malformed text.</summary>
    public static string ToSvg(string clipText, int width = 640, int height = 240)
    {
        var parsed = ClipText.Parse(clipText);
        return parsed.Clip is { } clip
            ? ToSvg(clip, width, height)
            : throw new FormatException($"{parsed.Error} at character {parsed.Position}");
    }

    /// <summary>Scientific pitch name, e.g. 60 -> C4, 61 -> C#4.</summary>
    public static string NoteName(int pitch)
    {
        string[] names = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];
        return $"{names[((pitch % 12) + 12) % 12]}{pitch / 12 - 1}";
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
