using System.CommandLine;
using LatentWorkbench.Cli.Output;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// <c>latent navigate --domain ID --from ITEM --objective qed:max [--min-similarity 0.4] [--steps N]</c>: property-guided
/// ascent; or <c>--attribute ATTR:+AMOUNT</c>: a walk along the model's attribute vector (MusicVAE).
/// </summary>
public static class NavigateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "Start item (text, or a file in the domain's format, e.g. A.mid)", Required = true };
        var bar = new Option<int?>("--bar") { Description = "Which item of the file: the clip holding this bar (music, 1-based) or the N-th molecule" };
        var objective = new Option<string?>("--objective") { Description = "PROP:max, PROP:min, PROP:TARGET, comma-separated, optional @WEIGHT" };
        var attribute = new Option<string?>("--attribute") { Description = "ATTR:+AMOUNT or ATTR:-AMOUNT: move along an attribute vector (e.g. swing:+1.5)" };
        var output = PointFiles.OutOption();
        var audio = PointFiles.AudioOption();
        var minSimilarity = new Option<double>("--min-similarity") { Description = "Minimum similarity to the start", DefaultValueFactory = _ => 0.0 };
        var steps = new Option<int?>("--steps") { Description = "Gradient steps (default 20), or points along an attribute (default 4)" };
        var samples = new Option<int>("--samples-per-step") { Description = "Neighbourhood decodes per step", DefaultValueFactory = _ => 4 };
        var command = new Command("navigate", "Steer an item toward better properties while staying close to it") { from, bar, objective, attribute, minSimilarity, steps, samples, output, audio };
        command.WithModelOptions();
        command.SetAction(parse =>
        {
            var (goal, move) = (parse.GetValue(objective), parse.GetValue(attribute));
            if ((goal is null) == (move is null)) throw new ArgumentException("Give either --objective or --attribute.");
            using var model = context.OpenModel(parse);
            var start = PointFiles.Item(model.Module, parse.GetRequiredValue(from), parse.GetValue(bar), context.Error);
            if (move is not null)
            {
                var (name, amount) = ParseAttribute(move);
                var walk = model.MoveAlong(start, name, amount, parse.GetValue(steps) ?? 4);
                context.WritePoints(parse, model.Module, walk, context.WritePointFiles(parse, model.Module, walk, output, audio, "step"));
                return CliErrors.Ok;
            }
            var terms = ObjectiveParser.Parse(goal!);
            var stepCount = (parse.GetValue(steps) ?? 20) is > 0 and <= 500 and var n ? n : throw new ArgumentException("--steps must be between 1 and 500.");
            var result = model.Navigate(new NavigationRequest(start, terms, parse.GetValue(minSimilarity),
                new AscentSettings(Steps: stepCount), Math.Clamp(parse.GetValue(samples), 0, 64)));
            var files = context.WritePointFiles(parse, model.Module, result.Candidates.Select(c => c.Point).ToArray(), output, audio, "candidate");
            var json = new
            {
                objective = result.Objective,
                start = PointJson.Of(model.Module, result.Start),
                best = result.Best is null ? null : PointJson.Of(model.Module, result.Best),
                candidates = result.Candidates.Select((c, i) => new { score = c.Score, similarity = c.Similarity, file = files?[i], point = PointJson.Of(model.Module, c.Point) }).ToArray(),
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

    /// <summary>Parses <c>NAME:+AMOUNT</c> / <c>NAME:-AMOUNT</c> (the amount in multiples of the attribute vector).</summary>
    public static (string Name, double Amount) ParseAttribute(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !double.TryParse(text[(colon + 1)..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var amount)
            || !double.IsFinite(amount))
            throw new ArgumentException($"--attribute must look like NAME:+AMOUNT or NAME:-AMOUNT (e.g. swing:+1.5); got '{text}'.");
        return (text[..colon].Trim(), amount);
    }
}
