using System.CommandLine;
using LatentWorkbench.Cli.Commands;
using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Cli;

/// <summary>The <c>latent</c> command line: builds the command tree and maps failures to exit codes.</summary>
public sealed class LatentApp(CliContext context)
{
    /// <summary>The app on the console with the built-in domains.</summary>
    public static LatentApp CreateDefault() =>
        new(new CliContext(new DomainRegistry(BuiltInDomains.All()), Console.Out, Console.Error,
            interactive: !Console.IsErrorRedirected));

    /// <summary>Runs one command line and returns its exit code (0 ok, 1 usage, 2 bad input, 3 internal error).</summary>
    public int Run(string[] args)
    {
        var root = new RootCommand("latent: encode, decode, interpolate and navigate the latent space of generative models")
        {
            DomainsCommand.Create(context),
            TrainCommand.Create(context),
            EvaluateCommand.Create(context),
            EncodeCommand.Create(context),
            DecodeCommand.Create(context),
            SampleCommand.Create(context),
            InterpolateCommand.Create(context),
            NavigateCommand.Create(context),
        };
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
