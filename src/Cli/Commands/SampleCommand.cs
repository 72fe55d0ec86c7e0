using System.CommandLine;
using LatentWorkbench.Cli.Output;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>latent sample --domain ID --n N [--out DIR [--audio]]</c>: items decoded from the prior.</summary>
public static class SampleCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var count = new Option<int>("--n", "-n") { Description = "How many items", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var strategy = DecodingOptions.Strategy();
        var beam = DecodingOptions.Beam();
        var temperature = DecodingOptions.Temperature();
        var output = PointFiles.OutOption();
        var audio = PointFiles.AudioOption();
        var command = new Command("sample", "Decode random points of the prior") { count, seed, strategy, beam, temperature, output, audio };
        command.WithModelOptions();
        command.SetAction(parse =>
        {
            using var model = context.OpenModel(parse);
            var options = DecodingOptions.From(parse, strategy, beam, temperature, parse.GetValue(seed));
            var points = model.Sample(parse.GetValue(count), parse.GetValue(seed), options);
            context.WritePoints(parse, model.Module, points, context.WritePointFiles(parse, model.Module, points, output, audio, "sample"));
            return CliErrors.Ok;
        });
        return command;
    }
}
