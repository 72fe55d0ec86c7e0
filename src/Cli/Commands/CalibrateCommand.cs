using System.CommandLine;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// <c>latent calibrate --domain ID [--model DIR] --data PATH [--attributes A,B]</c>: recomputes a trained model's OOD
/// reference and attribute vectors (or only the named vectors) from a data set, leaving its weights alone.
/// </summary>
public static class CalibrateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "Items to calibrate on (file or folder, as the domain reads it)", Required = true };
        var items = new Option<int>("--items") { Description = "Reference items, spread evenly over the data", DefaultValueFactory = _ => 2000 };
        var attributes = new Option<string?>("--attributes") { Description = "Recompute only these attribute vectors (comma-separated keys, e.g. p_jazz); the OOD reference and the other vectors stay" };
        var command = new Command("calibrate", "Recompute a model's out-of-distribution reference and attribute vectors from data") { data, items, attributes };
        command.WithModelOptions();
        command.SetAction(parse =>
        {
            var domain = context.Domain(parse);
            var folder = context.ModelFolder(parse, domain);
            var count = parse.GetValue(items) is >= 20 and <= 100_000 and var n ? n : throw new ArgumentException("--items must be between 20 and 100000.");
            var only = parse.GetValue(attributes)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var manifest = TrainingPipeline.Recalibrate(domain, parse.GetRequiredValue(data), folder, parse.GetValue(CommonOptions.Device), count, only);
            context.Write(parse, new { folder, ood = manifest.Ood, attributes = manifest.AttributeVectors.Keys.ToArray() },
                w => w.WriteLine($"calibrated {folder}: OOD threshold {manifest.Ood?.Threshold:0.###}, attribute vectors {string.Join(", ", manifest.AttributeVectors.Keys)}"));
            return CliErrors.Ok;
        });
        return command;
    }
}
