using System.CommandLine;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>latent encode --domain ID ITEM...</c> (or <c>--input FILE</c>): posterior means and log-variances.</summary>
public static class EncodeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var items = new Argument<string[]>("items") { Description = "Items to encode", Arity = ArgumentArity.ZeroOrMore };
        var input = new Option<string?>("--input", "-i") { Description = "File with one item per line" };
        var command = new Command("encode", "Encode items into latent vectors") { items, input };
        command.WithModelOptions();
        command.SetAction(parse =>
        {
            var texts = ItemInput.Read(parse.GetValue(items), parse.GetValue(input));
            using var model = context.OpenModel(parse);
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
