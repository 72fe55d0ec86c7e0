using System.CommandLine;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Training;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// <c>latent refit-properties --domain ID [--model DIR] --data TRAIN --valid HELDOUT [--epochs N] [--learning-rate R]</c>: refits a trained
/// model's property heads on its encoder's posterior means (the rest of the network stays) and keeps the refit only
/// when it lowers the error on training items held back for the choice; prints the held-out error before and after.
/// </summary>
public static class RefitPropertiesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "Training items with property values (file or folder, as the domain reads it)", Required = true };
        var valid = new Option<string>("--valid") { Description = "Held-out items whose error is reported before and after", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training items (1-100)", DefaultValueFactory = _ => new PropertyRefitOptions().Epochs };
        var rate = new Option<double>("--learning-rate") { Description = "Adam's learning rate (above 0, at most 0.1)", DefaultValueFactory = _ => new PropertyRefitOptions().LearningRate };
        var limit = new Option<int>("--limit") { Description = "Read at most this many training items (0: all)", DefaultValueFactory = _ => 0 };
        var command = new Command("refit-properties", "Refit a model's property heads on its encoder's posterior means") { data, valid, epochs, rate, limit };
        command.WithModelOptions();
        command.SetAction((parse, cancellation) =>
        {
            var domain = context.Domain(parse);
            var folder = context.ModelFolder(parse, domain);
            if (parse.GetValue(limit) < 0) throw new ArgumentException("--limit must be 0 or more.");
            if (parse.GetValue(rate) is <= 0 or > 0.1 or double.NaN) throw new ArgumentException("--learning-rate must be above 0 and at most 0.1.");
            var train = domain.Datasets.Read(parse.GetRequiredValue(data), new DatasetOptions(Limit: parse.GetValue(limit))).ToList();
            var heldOut = domain.Datasets.Read(parse.GetRequiredValue(valid), new DatasetOptions()).ToList();
            var result = PropertyHeadRefit.Run(domain, folder, train, heldOut, new PropertyRefitOptions(Epochs: parse.GetValue(epochs), LearningRate: parse.GetValue(rate)),
                parse.GetValue(CommonOptions.Device), line => context.Error.WriteLine(line), cancellation);
            context.Write(parse, new
            {
                folder, kept = result.BestEpoch > 0, best_epoch = result.BestEpoch, weights = result.WeightsFile,
                held_out_mae_before = result.HeldOutBefore, held_out_mae_after = result.HeldOutAfter, selection_by_epoch = result.SelectionByEpoch,
            }, w =>
            {
                foreach (var (name, mae) in result.HeldOutBefore)
                    w.WriteLine($"{name}: held-out MAE {mae:0.0000} -> {result.HeldOutAfter.GetValueOrDefault(name, mae):0.0000}");
                w.WriteLine(result.BestEpoch > 0 ? $"kept epoch {result.BestEpoch}; {folder} now uses {result.WeightsFile}" : "no epoch beat the original heads; the model is unchanged");
            });
            return Task.FromResult(CliErrors.Ok);
        });
        return command;
    }
}
