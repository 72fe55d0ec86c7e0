using System.CommandLine;
using LatentWorkbench.Cli.Output;
using LatentWorkbench.Core.Latent;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// <c>latent interpolate --domain ID --from A --to B --steps N [--method slerp|lerp] [--smooth] [--strategy NAME] [--out DIR [--audio]]</c>;
/// with <c>--out</c>, the given items are written beside the path as <c>from</c> and <c>to</c> (music: the clips as cut from the files).
/// </summary>
public static class InterpolateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "Start item (text, or a file in the domain's format, e.g. A.mid)", Required = true };
        var to = new Option<string>("--to") { Description = "End item (text or file)", Required = true };
        var fromBar = new Option<int?>("--bar") { Description = "Which item of the --from file: the clip holding this bar (music, 1-based) or the N-th molecule" };
        var toBar = new Option<int?>("--to-bar") { Description = "Which item of the --to file: the clip holding this bar (music) or the N-th molecule" };
        var output = PointFiles.OutOption();
        var audio = PointFiles.AudioOption();
        var steps = new Option<int>("--steps") { Description = "Points on the path, both ends included", DefaultValueFactory = _ => 10 };
        var method = new Option<string>("--method") { Description = string.Join(" or ", Interpolation.Names), DefaultValueFactory = _ => "slerp" };
        method.AcceptOnlyFromAmong([.. Interpolation.Names]);
        var smooth = new Option<bool>("--smooth") { Description = "Let inner points take another likely decode of their own latent point where that keeps the path from doubling back (a beam search per point)" };
        var strategy = DecodingOptions.Strategy();
        var beam = DecodingOptions.Beam();
        var command = new Command("interpolate", "Decode the path between two items (its ends encoder-consistently)")
            { from, to, steps, method, smooth, strategy, beam, fromBar, toBar, output, audio };
        command.WithModelOptions();
        command.SetAction(parse =>
        {
            using var model = context.OpenModel(parse);
            var how = Interpolation.Named(parse.GetValue(method));
            var a = PointFiles.Item(model.Module, parse.GetRequiredValue(from), parse.GetValue(fromBar), context.Error);
            var b = PointFiles.Item(model.Module, parse.GetRequiredValue(to), parse.GetValue(toBar), context.Error);
            var options = DecodingOptions.From(parse, strategy, beam, temperature: null);
            var points = model.Interpolate(a, b, parse.GetValue(steps), how, options, parse.GetValue(smooth));
            var files = context.WritePointFiles(parse, model.Module, points, output, audio, "step");
            if (parse.GetValue(output) is { } folder)
                PointFiles.WriteGiven(model.Module, [("from", model.Canonicalize(a)), ("to", model.Canonicalize(b))], folder, parse.GetValue(audio), context.Error);
            context.WritePoints(parse, model.Module, points, files);
            return CliErrors.Ok;
        });
        return command;
    }
}
