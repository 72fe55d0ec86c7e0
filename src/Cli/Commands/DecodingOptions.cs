using System.CommandLine;
using LatentWorkbench.Core.Latent.Decoding;

namespace LatentWorkbench.Cli.Commands;

/// <summary>Decoding options shared by decode and sample.</summary>
internal static class DecodingOptions
{
    public static Option<string> Strategy()
    {
        var o = new Option<string>("--strategy") { Description = "greedy, beam or sample", DefaultValueFactory = _ => "greedy" };
        o.AcceptOnlyFromAmong("greedy", "beam", "sample");
        return o;
    }

    public static Option<int> Beam() => new("--beam-width") { Description = "Beam width", DefaultValueFactory = _ => 4 };

    public static Option<double> Temperature() => new("--temperature") { Description = "Sampling temperature", DefaultValueFactory = _ => 1.0 };

    public static DecodeOptions From(ParseResult parse, Option<string> strategy, Option<int> beam, Option<double> temperature, int seed = 1) => new()
    {
        Strategy = parse.GetValue(strategy) switch { "beam" => DecodeStrategy.Beam, "sample" => DecodeStrategy.Sample, _ => DecodeStrategy.Greedy },
        BeamWidth = Math.Clamp(parse.GetValue(beam), 1, 64),
        Temperature = parse.GetValue(temperature) is > 0 and var t ? t : throw new ArgumentException("--temperature must be positive."),
        Seed = seed,
    };
}
