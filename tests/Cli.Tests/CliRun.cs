using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Cli.Tests;

/// <summary>Runs the <c>latent</c> app in-process, non-interactive, and returns its exit code, output and error text.</summary>
internal static class CliRun
{
    /// <summary>The app over the built-in domains.</summary>
    public static (int Code, string Out, string Err) BuiltIn(params string[] args) => With(BuiltInDomains.All(), args);

    /// <summary>The app over <paramref name="domains"/>.</summary>
    public static (int Code, string Out, string Err) With(IEnumerable<IDomainModule> domains, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var app = new LatentApp(new CliContext(new DomainRegistry(domains), output, error, interactive: false));
        return (app.Run(args), output.ToString(), error.ToString());
    }
}
