using System.CommandLine;
using LatentWorkbench.Cli.Commands;
using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Cli;

/// <summary>The <c>latent</c> command line: builds the command tree and maps failures to exit codes.</summary>
public sealed class LatentApp(CliContext context)
{
    /// <summary>
    /// Runs <paramref name="args"/> with the built-in domains and, after a leading <c>--plugins DIR</c>, the plugins
    /// there; skipped plugins are reported on <paramref name="error"/>.
    /// </summary>
    public static int Start(string[] args, TextWriter output, TextWriter error, bool interactive)
    {
        string? directory;
        string[] rest;
        try { (directory, rest) = PluginOption.Split(args); }
        catch (ArgumentException e)
        {
            error.WriteLine($"error: {e.Message}");
            return CliErrors.Usage;
        }
        var (registry, catalog) = PluginOption.Compose([.. BuiltInDomains.All()], directory);
        foreach (var skipped in catalog.Skipped) error.WriteLine($"warning: plugin '{skipped.Folder}' skipped: {skipped.Message}");
        return new LatentApp(new CliContext(registry, output, error, interactive, catalog)).Run(rest);
    }

    /// <summary>Runs one command line and returns its exit code (0 ok, 1 usage, 2 bad input, 3 internal error).</summary>
    public int Run(string[] args)
    {
        var root = new RootCommand("latent: encode, decode, interpolate and navigate the latent space of generative models")
        {
            DomainsCommand.Create(context),
            TrainCommand.Create(context),
            CalibrateCommand.Create(context),
            RefitPropertiesCommand.Create(context),
            EvaluateCommand.Create(context),
            EncodeCommand.Create(context),
            DecodeCommand.Create(context),
            SampleCommand.Create(context),
            InterpolateCommand.Create(context),
            NavigateCommand.Create(context),
            LibraryCommand.Create(context),
            UsersCommand.Create(context),
        };
        root.Add(new Option<string?>(PluginOption.Name) { Description = "Plugin directory (one published plugin per subfolder); give it before the command", HelpName = "DIR" });
        foreach (var command in BuiltInDomains.ExtraCommands(context)) root.Add(command);
        var parse = root.Parse(args);
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            context.Error.WriteLine($"error: {CliErrors.MessageOf(e)}");
            return CliErrors.ExitCodeOf(e);
        }
    }
}
