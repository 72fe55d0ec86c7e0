using System.CommandLine;
using LatentWorkbench.Cli.Output;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// <c>latent sample --domain ID --n N [--around ITEM [--bar N] --radius R] [--out DIR [--audio]]</c>: items decoded from
/// the prior, or from the neighbourhood of one item.
/// </summary>
public static class SampleCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var count = new Option<int>("--n", "-n") { Description = "How many items", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var around = new Option<string?>("--around") { Description = "Sample around this item (text, or a file in the domain's format, e.g. A.mid) instead of the prior" };
        var bar = new Option<int?>("--bar") { Description = "Which item of the --around file: the clip holding this bar (music, 1-based) or the N-th molecule" };
        var radius = new Option<double>("--radius") { Description = "With --around: standard deviation of the neighbourhood, in latent units", DefaultValueFactory = _ => 0.5 };
        var strategy = DecodingOptions.Strategy();
        var beam = DecodingOptions.Beam();
        var temperature = DecodingOptions.Temperature();
        var output = PointFiles.OutOption();
        var audio = PointFiles.AudioOption();
        var command = new Command("sample", "Decode random points of the prior, or around one item")
            { count, seed, around, bar, radius, strategy, beam, temperature, output, audio };
        command.WithModelOptions();
        command.SetAction(parse =>
        {
            var centre = parse.GetValue(around);
            if (centre is null && parse.GetValue(bar) is not null) throw new ArgumentException("--bar only applies with --around.");
            using var model = context.OpenModel(parse);
            var options = DecodingOptions.From(parse, strategy, beam, temperature, parse.GetValue(seed));
            var points = centre is null
                ? model.Sample(parse.GetValue(count), parse.GetValue(seed), options)
                : model.SampleAround(PointFiles.Item(model.Module, centre, parse.GetValue(bar), context.Error), parse.GetValue(count), parse.GetValue(radius), parse.GetValue(seed), options);
            context.WritePoints(parse, model.Module, points, context.WritePointFiles(parse, model.Module, points, output, audio, "sample"));
            return CliErrors.Ok;
        });
        return command;
    }
}
