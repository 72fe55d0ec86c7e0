using System.CommandLine;
using LatentWorkbench.Cli.Output;
using System.Globalization;
using System.Text.Json;
using LatentWorkbench.Core.Latent.Decoding;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>latent decode --domain ID --latent "v1,v2,..."</c> (or <c>--input</c> the JSON of <c>latent encode</c>).</summary>
public static class DecodeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var latent = new Option<string[]>("--latent", "-z") { Description = "Comma-separated latent vector (repeatable)", AllowMultipleArgumentsPerToken = false };
        var input = new Option<string?>("--input", "-i") { Description = "JSON written by `latent encode --json`" };
        var strategy = DecodingOptions.Strategy();
        var beam = DecodingOptions.Beam();
        var temperature = DecodingOptions.Temperature();
        var output = PointFiles.OutOption();
        var audio = PointFiles.AudioOption();
        var command = new Command("decode", "Decode latent vectors into items") { latent, input, strategy, beam, temperature, output, audio };
        command.WithModelOptions();
        command.SetAction(parse =>
        {
            var vectors = (parse.GetValue(latent) ?? []).Select(ParseVector).ToList();
            if (parse.GetValue(input) is { } file) vectors.AddRange(ReadEncoded(file));
            if (vectors.Count == 0) throw new ArgumentException("Give a vector with --latent or a file with --input.");
            using var model = context.OpenModel(parse);
            var options = DecodingOptions.From(parse, strategy, beam, temperature);
            var points = model.Decode(vectors, options);
            context.WritePoints(parse, model.Module, points, context.WritePointFiles(parse, model.Module, points, output, audio, "decoded"));
            return CliErrors.Ok;
        });
        return command;
    }

    private static float[] ParseVector(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v =>
            float.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f
                : throw new FormatException($"'{v}' in --latent is not a number.")).ToArray();

    private static IEnumerable<float[]> ReadEncoded(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        if (!doc.RootElement.TryGetProperty("items", out var items))
            throw new InvalidDataException($"{file} has no \"items\" array (write it with `latent encode --json FILE`).");
        return items.EnumerateArray().Select(i => i.GetProperty("mean").EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray();
    }
}
