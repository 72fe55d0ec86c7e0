using System.CommandLine;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>latent navigate --domain ID --from ITEM --objective qed:max [--min-similarity 0.4] [--steps N]</c>.</summary>
public static class NavigateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "Start item", Required = true };
        var objective = new Option<string>("--objective") { Description = "PROP:max, PROP:min, PROP:TARGET, comma-separated, optional @WEIGHT", Required = true };
        var minSimilarity = new Option<double>("--min-similarity") { Description = "Minimum similarity to the start", DefaultValueFactory = _ => 0.0 };
        var steps = new Option<int>("--steps") { Description = "Gradient steps", DefaultValueFactory = _ => 20 };
        var samples = new Option<int>("--samples-per-step") { Description = "Neighbourhood decodes per step", DefaultValueFactory = _ => 4 };
        var command = new Command("navigate", "Steer an item toward better properties while staying close to it") { from, objective, minSimilarity, steps, samples };
        command.WithModelOptions();
        command.SetAction(parse =>
        {
            var terms = ObjectiveParser.Parse(parse.GetRequiredValue(objective));
            var stepCount = parse.GetValue(steps) is > 0 and <= 500 and var n ? n : throw new ArgumentException("--steps must be between 1 and 500.");
            using var model = context.OpenModel(parse);
            var result = model.Navigate(new NavigationRequest(parse.GetRequiredValue(from), terms, parse.GetValue(minSimilarity),
                new AscentSettings(Steps: stepCount), Math.Clamp(parse.GetValue(samples), 0, 64)));
            var json = new
            {
                objective = result.Objective,
                start = PointJson.Of(model.Module, result.Start),
                best = result.Best is null ? null : PointJson.Of(model.Module, result.Best),
                candidates = result.Candidates.Select(c => new { score = c.Score, similarity = c.Similarity, point = PointJson.Of(model.Module, c.Point) }).ToArray(),
                trajectory = result.Trajectory.Select(p => PointJson.Of(model.Module, p)).ToArray(),
            };
            context.Write(parse, json, w =>
            {
                w.WriteLine($"start: {PointJson.Line(result.Start)}");
                w.WriteLine(result.Best is null ? "no candidate met the constraints" : $"best:  {PointJson.Line(result.Best)}");
                foreach (var c in result.Candidates.Take(10)) w.WriteLine($"  score {c.Score:0.###} sim {c.Similarity:0.00}  {c.Point.Text}");
            });
            return CliErrors.Ok;
        });
        return command;
    }
}
