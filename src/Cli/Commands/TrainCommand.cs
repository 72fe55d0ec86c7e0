using System.CommandLine;
using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Training;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>latent train --domain ID --data FILE [--valid FILE] --out DIR</c>: trains (or resumes) a model.</summary>
public static class TrainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "Training data (file or folder, as the domain reads it)", Required = true };
        var valid = new Option<string?>("--valid") { Description = "Held-out data (default: 5% of --data)" };
        var output = new Option<string>("--out", "-o") { Description = "Checkpoint folder; an unfinished run there is resumed", Required = true };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs (default: the domain's)" };
        var batch = new Option<int?>("--batch-size") { Description = "Batch size (default: the domain's)" };
        var maxSteps = new Option<int?>("--max-steps") { Description = "Stop after this many steps in this run (resume later)" };
        var limit = new Option<int>("--limit") { Description = "Use at most this many training items" };
        var seed = new Option<int?>("--seed") { Description = "Random seed" };
        var klWeight = new Option<double?>("--kl-weight") { Description = "Final KL weight (default: the domain's); a resumed run continues its schedule with it" };
        var learningRate = new Option<double?>("--learning-rate") { Description = "Peak learning rate (default: the domain's)" };
        var modelConfig = new Option<string?>("--model-config")
        {
            Description = "JSON file of network sizes over the domain's defaults, e.g. {\"latent_size\": 256} (a new run only; a resumed run keeps its own)",
        };
        var trainingConfig = new Option<string?>("--training-config")
        {
            Description = "JSON file of training settings over the domain's defaults, e.g. {\"free_bits_per_dim\": 0.5, \"scheduled_sampling\": 0.3}; the options above override it",
        };
        var command = new Command("train", "Train a model (resumable; shows progress and ETA)")
        {
            data, valid, output, epochs, batch, maxSteps, limit, seed, klWeight, learningRate, modelConfig, trainingConfig,
        };
        command.WithModelOptions();
        command.SetAction((parse, cancellation) =>
        {
            var domain = context.Domain(parse);
            var settings = parse.GetValue(trainingConfig) is { } trainingFile
                ? SettingsOverrides.Apply(domain.Defaults.Training, ReadSettings(trainingFile, "training"), "training")
                : domain.Defaults.Training;
            if (parse.GetValue(epochs) is { } e) settings = settings with { Epochs = e };
            if (parse.GetValue(batch) is { } b) settings = settings with { BatchSize = b };
            if (parse.GetValue(maxSteps) is { } m) settings = settings with { MaxStepsThisRun = m > 0 ? m : throw new ArgumentException($"--max-steps must be a positive number (got {m}).") };
            if (parse.GetValue(seed) is { } s) settings = settings with { Seed = s };
            if (parse.GetResult(CommonOptions.Precision) is { Implicit: false }) settings = settings with { Precision = CommonOptions.PrecisionOf(parse) };
            if (parse.GetValue(klWeight) is { } kl) settings = settings with { KlWeight = kl };
            if (parse.GetValue(learningRate) is { } lr) settings = settings with { LearningRate = lr };
            TrainingSettingsValidator.Validate(settings, parse.GetValue(limit));
            var model = parse.GetValue(modelConfig) is { } configFile
                ? SettingsOverrides.Apply(domain.Defaults.Model, ReadSettings(configFile, "model"), "model")
                : null;
            var request = new TrainRequest(parse.GetRequiredValue(data), parse.GetValue(valid), parse.GetRequiredValue(output), model,
                Settings: settings, Device: parse.GetValue(CommonOptions.Device) ?? "auto", Limit: parse.GetValue(limit));
            var outcome = TrainingPipeline.Train(domain, request, new ProgressPrinter(context.Error, context.Interactive && parse.GetResult(CommonOptions.Json) is null), cancellation);
            var m2 = outcome.Manifest;
            context.Write(parse, new { completed = outcome.Completed, folder = request.Output, step = m2.State.Step, epochs_done = m2.State.EpochsDone, metrics = m2.Metrics },
                w => w.WriteLine(outcome.Completed
                    ? $"Training complete: {request.Output} (step {m2.State.Step})"
                    : $"Training paused at step {m2.State.Step}; run the same command to resume."));
            return Task.FromResult(CliErrors.Ok);
        });
        return command;
    }

    private static string ReadSettings(string file, string what) =>
        File.Exists(file) ? File.ReadAllText(file) : throw new FileNotFoundException($"No {what} settings file at '{file}'.", file);
}
