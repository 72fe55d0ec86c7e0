using System.CommandLine;
using LatentWorkbench.Core.Latent.Decoding;

namespace LatentWorkbench.Cli.Commands;

/// <summary>Decoding options shared by decode and sample.</summary>
internal static class DecodingOptions
{
    public static Option<string> Strategy()
    {
        var o = new Option<string>("--strategy") { Description = "greedy, beam, sample or consistent (the greedy and beam decodes whose own encoding lies nearest z)", DefaultValueFactory = _ => "greedy" };
        o.AcceptOnlyFromAmong([.. DecodeOptions.Names]);
        return o;
    }

    public static Option<int?> Beam() => new("--beam-width") { Description = "Beam width (default 4; 8 for consistent)" };

    public static Option<double> Temperature() => new("--temperature") { Description = "Sampling temperature", DefaultValueFactory = _ => 1.0 };

    /// <summary>The named decoding (<see cref="DecodeOptions.Named"/>) with the command's beam width and temperature, where it has them.</summary>
    public static DecodeOptions From(ParseResult parse, Option<string> strategy, Option<int?> beam, Option<double>? temperature, int seed = 1)
    {
        var named = DecodeOptions.Named(parse.GetValue(strategy));
        return named with
        {
            BeamWidth = Math.Clamp(parse.GetValue(beam) ?? named.BeamWidth, 1, 64),
            Temperature = temperature is null ? named.Temperature
                : parse.GetValue(temperature) is > 0 and var t ? t : throw new ArgumentException("--temperature must be positive."),
            Seed = seed,
        };
    }
}
