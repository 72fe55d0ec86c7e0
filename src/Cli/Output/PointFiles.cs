using System.CommandLine;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Cli.Output;

/// <summary>
/// Items given as files (<c>--from A.mid</c>) and decoded points written as files (<c>--out DIR [--audio]</c>), through
/// the domain's <see cref="IDomainModule.Files"/>. Domains without files take items as text and write a text file per item.
/// </summary>
public static class PointFiles
{
    /// <summary><c>--out DIR</c>: a folder for one file per decoded point.</summary>
    public static Option<string?> OutOption() => new("--out", "-o") { Description = "Write each decoded item as a file into this folder (MIDI for music)" };

    /// <summary><c>--audio</c>: also a rendering of each item.</summary>
    public static Option<bool> AudioOption() => new("--audio") { Description = "With --out, also write a rendering of each item (music: WAV)" };

    /// <summary>
    /// The item named by <paramref name="value"/>: the contents of a file in the domain's format when one exists there
    /// (<paramref name="part"/> picks the part, e.g. a bar), otherwise the text itself.
    /// </summary>
    public static string Item(IDomainModule domain, string value, int? part)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(value);
        if (domain.Files is { } format && format.Extensions.Any(e => value.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            return format.ReadFile(value, part);
        if (part is not null) throw new ArgumentException($"A part (--bar) only applies to items read from {Formats(domain)} files.");
        return value;
    }

    /// <summary>
    /// Writes <paramref name="points"/> into <paramref name="folder"/> as <c>PREFIX_00.ext</c>, ... and returns the main
    /// file of each point (null for invalid points, which are not written).
    /// </summary>
    public static string?[] Write(IDomainModule domain, IReadOnlyList<LatentPoint> points, string folder, string prefix, bool rendered, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(points);
        Directory.CreateDirectory(folder);
        var written = new string?[points.Count];
        int digits = Math.Max(2, (points.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        for (int i = 0; i < points.Count; i++)
        {
            if (!points[i].Valid) continue;
            var name = $"{prefix}_{i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0')}";
            var files = domain.Files is { } format
                ? format.Write(points[i].Text, name, rendered)
                : [new ItemFile(name + ".txt", "text/plain", System.Text.Encoding.UTF8.GetBytes(points[i].Text + "\n"))];
            foreach (var file in files) File.WriteAllBytes(Path.Combine(folder, file.Name), file.Content);
            written[i] = Path.Combine(folder, files[0].Name);
        }
        log.WriteLine($"wrote {written.Count(f => f is not null)} item(s) to {folder}");
        return written;
    }

    private static string Formats(IDomainModule domain) =>
        domain.Files is { } f ? string.Join("/", f.Extensions) : "domain";
}
