using System.CommandLine;
using LatentWorkbench.Cli.Output;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>latent encode --domain ID ITEM...</c> (or <c>--input FILE</c>): posterior means and log-variances.</summary>
public static class EncodeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var items = new Argument<string[]>("items") { Description = "Items to encode (text, or files in the domain's format, e.g. .mid)", Arity = ArgumentArity.ZeroOrMore };
        var input = new Option<string?>("--input", "-i") { Description = "File with one item per line" };
        var command = new Command("encode", "Encode items into latent vectors") { items, input };
        command.WithModelOptions();
        command.SetAction(parse =>
        {
            using var model = context.OpenModel(parse);
            var texts = ItemInput.Read(parse.GetValue(items), parse.GetValue(input)).Select(t => PointFiles.Item(model.Module, t, null)).ToList();
            var codes = model.Encode(texts);
            var rows = texts.Zip(codes).Select(p => new Dictionary<string, object?>
            {
                [model.Module.ItemField] = p.First, ["mean"] = p.Second.Mean, ["log_variance"] = p.Second.LogVariance,
            }).ToArray();
            context.Write(parse, new { latent_size = model.Model.LatentSize, items = rows }, w =>
            {
                foreach (var (text, code) in texts.Zip(codes))
                    w.WriteLine($"{text}\t{string.Join(",", code.Mean.Select(v => v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)))}");
            });
            return CliErrors.Ok;
        });
        return command;
    }
}
