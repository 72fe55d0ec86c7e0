using System.CommandLine;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Plugins;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Cli;

/// <summary>What every command needs: the domains (and the plugin outcomes), the output streams, and how to open a model.</summary>
public sealed class CliContext(DomainRegistry registry, TextWriter output, TextWriter error, bool interactive, PluginCatalog? plugins = null)
{
    /// <summary>Registered domains.</summary>
    public DomainRegistry Registry { get; } = registry;
    /// <summary>What the plugin directory contributed (empty without <c>--plugins</c>).</summary>
    public PluginCatalog Plugins { get; } = plugins ?? PluginCatalog.Empty;
    /// <summary>Standard output.</summary>
    public TextWriter Output { get; } = output;
    /// <summary>Standard error (messages and progress lines).</summary>
    public TextWriter Error { get; } = error;
    /// <summary>Whether a person watches a terminal (progress bars) rather than a script.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>The domain chosen with <c>--domain</c>.</summary>
    public IDomainModule Domain(ParseResult parse)
    {
        CommonOptions.ApplyThreads(parse);
        return Registry.Get(parse.GetRequiredValue(CommonOptions.Domain));
    }

    /// <summary>The model folder: <c>--model</c>, or the domain's default checkpoint.</summary>
    public string ModelFolder(ParseResult parse, IDomainModule domain) =>
        parse.GetValue(CommonOptions.Model) ?? ModelLocator.DefaultModelFolder(domain);

    /// <summary>Opens the chosen domain's model on the chosen device.</summary>
    public DomainModel OpenModel(ParseResult parse)
    {
        var domain = Domain(parse);
        return DomainModel.Load(domain, ModelFolder(parse, domain), parse.GetValue(CommonOptions.Device), CommonOptions.PrecisionOf(parse));
    }

    /// <summary>Writes decoded points as <c>{"points": [...]}</c> (JSON) or one line per point.</summary>
    public void WritePoints(ParseResult parse, IDomainModule domain, IReadOnlyList<LatentPoint> points, IReadOnlyList<string?>? files = null) =>
        Write(parse, new { points = points.Select((p, i) => WithFile(PointJson.Of(domain, p), files?[i])).ToArray() },
            w => { foreach (var (p, i) in points.Select((p, i) => (p, i))) w.WriteLine(files?[i] is { } f ? $"{PointJson.Line(p)}  -> {f}" : PointJson.Line(p)); });

    /// <summary>Writes decoded points as files when <paramref name="outOption"/> was given; returns each point's file.</summary>
    public IReadOnlyList<string?>? WritePointFiles(ParseResult parse, IDomainModule domain, IReadOnlyList<LatentPoint> points,
        Option<string?> outOption, Option<bool> audioOption, string prefix) =>
        parse.GetValue(outOption) is { } folder
            ? LatentWorkbench.Cli.Output.PointFiles.Write(domain, points, folder, prefix, parse.GetValue(audioOption), Error)
            : null;

    private static Dictionary<string, object?> WithFile(Dictionary<string, object?> json, string? file)
    {
        if (file is not null) json["file"] = file;
        return json;
    }

    /// <summary>Writes a result: JSON when <c>--json</c> was given (to its file, if named), else <paramref name="human"/>.</summary>
    public void Write(ParseResult parse, object json, Action<TextWriter> human)
    {
        var jsonResult = parse.GetResult(CommonOptions.Json);
        if (jsonResult is null) { human(Output); return; }
        var file = parse.GetValue(CommonOptions.Json);
        var text = JsonOutput.Serialize(json);
        if (string.IsNullOrEmpty(file)) Output.WriteLine(text);
        else
        {
            File.WriteAllText(file, text + Environment.NewLine);
            Error.WriteLine($"wrote {file}");
        }
    }
}
