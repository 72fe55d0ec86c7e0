using System.CommandLine;
using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Evaluation;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// <c>latent evaluate --domain ID [--model DIR] --data HELDOUT --samples N [--json OUT]</c>: held-out reconstruction,
/// KL, active units and property MAE, plus validity, uniqueness and novelty of N prior samples.
/// </summary>
public static class EvaluateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "Held-out data", Required = true };
        var samples = new Option<int>("--samples") { Description = "Prior samples for validity/uniqueness/novelty", DefaultValueFactory = _ => 1000 };
        var limit = new Option<int>("--limit") { Description = "Use at most this many held-out items", DefaultValueFactory = _ => 5000 };
        var save = new Option<bool>("--save") { Description = "Store the figures with the model and add them to its model card" };
        var consistent = new Option<bool>("--consistent")
        {
            Description = "Also measure reconstruction with encoder-consistent decoding: a \"consistent\" object with recon_exact and the domain's reconstruction figures (a beam search per item the greedy decode misses)",
        };
        var command = new Command("evaluate", "Measure a model on held-out data") { data, samples, limit, consistent, save };
        command.WithModelOptions();
        command.SetAction(parse =>
        {
            using var model = context.OpenModel(parse);
            var path = parse.GetRequiredValue(data);
            var records = model.Module.Datasets.Read(path, new DatasetOptions(Limit: Math.Max(1, parse.GetValue(limit)))).ToList();
            var result = ModelEvaluation.Run(model, records, new ModelEvaluationOptions(parse.GetValue(samples), parse.GetValue(consistent), DataName: path));
            var json = result.ToJson();
            if (parse.GetValue(save) && model.Model.Folder is { } folder)
            {
                CheckpointStore.WriteFileAtomically(folder, CheckpointStore.EvaluationFile, p => File.WriteAllText(p, JsonOutput.Serialize(json)));
                CheckpointStore.RenderCard(folder, model.Model.Manifest);
            }
            context.Write(parse, json, w => { foreach (var (k, v) in json) w.WriteLine($"{k,-32} {Format(v)}"); });
            return CliErrors.Ok;
        });
        return command;
    }

    private static string Format(object? v) => v switch
    {
        double d => d.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, double> m => string.Join(", ", m.Select(kv => $"{kv.Key}={kv.Value:0.0000}")),
        IDictionary<string, IReadOnlyDictionary<string, double>> nested => string.Join("; ", nested.Select(kv => $"{kv.Key}: {Format(kv.Value)}")),
        null => "-",
        _ => v.ToString() ?? "",
    };
}
