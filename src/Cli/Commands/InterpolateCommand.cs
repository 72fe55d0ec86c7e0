using System.CommandLine;
using LatentWorkbench.Core.Latent;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>latent interpolate --domain ID --from A --to B --steps N [--method slerp|lerp]</c>.</summary>
public static class InterpolateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "Start item", Required = true };
        var to = new Option<string>("--to") { Description = "End item", Required = true };
        var steps = new Option<int>("--steps") { Description = "Points on the path, both ends included", DefaultValueFactory = _ => 10 };
        var method = new Option<string>("--method") { Description = "slerp or lerp", DefaultValueFactory = _ => "slerp" };
        method.AcceptOnlyFromAmong("slerp", "lerp");
        var command = new Command("interpolate", "Decode the path between two items") { from, to, steps, method };
        command.WithModelOptions();
        command.SetAction(parse =>
        {
            using var model = context.OpenModel(parse);
            var how = parse.GetValue(method) == "lerp" ? InterpolationMethod.Lerp : InterpolationMethod.Slerp;
            var points = model.Interpolate(parse.GetRequiredValue(from), parse.GetRequiredValue(to), parse.GetValue(steps), how);
            context.WritePoints(parse, model.Module, points);
            return CliErrors.Ok;
        });
        return command;
    }
}
