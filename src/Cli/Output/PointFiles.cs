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
    /// (<paramref name="part"/> picks the part, e.g. a bar), otherwise the text itself. The part taken, and what the
    /// reader had to assume (e.g. "it was cut as 4/4"), are written to <paramref name="log"/>.
    /// </summary>
    public static string Item(IDomainModule domain, string value, int? part, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(value);
        if (domain.Files is { } format && format.Extensions.Any(e => value.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            var item = format.ReadItem(value, part);
            // Which part was taken (a MIDI file's clip by its bars), so that another can be asked for by name.
            log?.WriteLine($"read: {item.Name}{(part is null ? " (another part: --bar N, or --to-bar N for --to)" : "")}");
            if (item.Note is { } note) log?.WriteLine($"note: {item.Name}: {note}");
            return item.Text;
        }
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
            written[i] = WriteItem(domain, points[i].Text, name, folder, rendered);
        }
        log.WriteLine($"wrote {written.Count(f => f is not null)} item(s) to {folder}");
        return written;
    }

    /// <summary>
    /// Writes the items the user gave (e.g. <c>from</c> and <c>to</c>: the clips exactly as cut from the input files) into
    /// <paramref name="folder"/> beside the decoded points, so they can be heard or compared with the decoded ends.
    /// </summary>
    public static void WriteGiven(IDomainModule domain, IReadOnlyList<(string Name, string Text)> items, string folder, bool rendered, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(items);
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in items) WriteItem(domain, text, name, folder, rendered);
        log.WriteLine($"wrote the given items ({string.Join(", ", items.Select(i => i.Name))}) to {folder}");
    }

    /// <summary>Writes one item as <paramref name="name"/> plus the domain's extension; returns the main file's path.</summary>
    private static string WriteItem(IDomainModule domain, string text, string name, string folder, bool rendered)
    {
        var files = domain.Files is { } format
            ? format.Write(text, name, rendered)
            : [new ItemFile(name + ".txt", "text/plain", System.Text.Encoding.UTF8.GetBytes(text + "\n"))];
        foreach (var file in files) File.WriteAllBytes(Path.Combine(folder, file.Name), file.Content);
        return Path.Combine(folder, files[0].Name);
    }

    private static string Formats(IDomainModule domain) =>
        domain.Files is { } f ? string.Join("/", f.Extensions) : "domain";
}
