using System.CommandLine;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Molecules;

namespace LatentWorkbench.Cli;

/// <summary>The domains and domain-specific commands that ship with the CLI.</summary>
public static class BuiltInDomains
{
    /// <summary>Modules registered by default.</summary>
    public static IEnumerable<IDomainModule> All() => [new MoleculesModule()];

    /// <summary>Domain subcommands (e.g. <c>chem</c>, <c>midi</c>).</summary>
    public static IEnumerable<Command> ExtraCommands(CliContext context) => [];
}
