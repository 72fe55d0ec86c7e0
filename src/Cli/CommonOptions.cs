using System.CommandLine;
using LatentWorkbench.Core.Runtime;

namespace LatentWorkbench.Cli;

/// <summary>Options shared by the model commands.</summary>
public static class CommonOptions
{
    /// <summary><c>--domain ID</c>.</summary>
    public static Option<string> Domain { get; } = new("--domain", "-d") { Description = "Domain id (see `latent domains`)", Required = true };

    /// <summary><c>--model DIR</c>.</summary>
    public static Option<string?> Model { get; } = new("--model", "-m") { Description = "Checkpoint folder (default: the domain's model under sample-data/models, or beside its plugin)" };

    /// <summary><c>--device auto|cpu|cuda</c>.</summary>
    public static Option<string> Device { get; } = CreateDevice();

    /// <summary><c>--json [FILE]</c>: machine-readable output, to standard output or to FILE.</summary>
    public static Option<string?> Json { get; } = new("--json") { Description = "Print JSON (or write it to FILE)", Arity = ArgumentArity.ZeroOrOne, HelpName = "FILE" };

    /// <summary><c>--threads N</c>: CPU threads for tensor work (default: libtorch's choice, one per core).</summary>
    public static Option<int?> Threads { get; } = new("--threads") { Description = "CPU threads for tensor work (1 avoids stalls on a busy machine)" };

    /// <summary><c>--precision fp32|bf16</c>: number format of the network's matrix work.</summary>
    public static Option<string> Precision { get; } = CreatePrecision();

    /// <summary>Adds the model options (domain, model, device, precision, threads, json) to <paramref name="command"/>.</summary>
    public static Command WithModelOptions(this Command command)
    {
        command.Add(Domain);
        command.Add(Model);
        command.Add(Device);
        command.Add(Precision);
        command.Add(Threads);
        command.Add(Json);
        return command;
    }

    /// <summary>Applies <c>--threads</c>, when given.</summary>
    public static void ApplyThreads(ParseResult parse)
    {
        if (parse.GetValue(Threads) is not { } threads) return;
        if (threads < 1) throw new ArgumentException($"--threads must be at least 1 (got {threads}).");
        TorchSharp.torch.set_num_threads(threads);
    }

    /// <summary>The <c>--precision</c> given (fp32 when absent).</summary>
    public static Precision PrecisionOf(ParseResult parse) => PrecisionSelector.Parse(parse.GetValue(Precision));

    private static Option<string> CreatePrecision()
    {
        var option = new Option<string>("--precision")
        {
            Description = "Number format of the network's matrix work: fp32, or bf16 (about 2x faster on CPUs with AVX512-BF16/AMX and on GPUs; training keeps float32 master weights)",
            DefaultValueFactory = _ => "fp32",
        };
        option.AcceptOnlyFromAmong([.. PrecisionSelector.Choices]);
        return option;
    }

    private static Option<string> CreateDevice()
    {
        var option = new Option<string>("--device") { Description = "Where tensors run", DefaultValueFactory = _ => "auto" };
        option.AcceptOnlyFromAmong([.. DeviceSelector.Choices, "cuda:0", "cuda:1"]);
        return option;
    }
}
