using System.CommandLine;
using LatentWorkbench.Cli.Commands.Domains;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Molecules;
using LatentWorkbench.Domains.Music;

namespace LatentWorkbench.Cli;

/// <summary>The domains and domain-specific commands that ship with the CLI.</summary>
public static class BuiltInDomains
{
    /// <summary>Modules registered by default.</summary>
    public static IEnumerable<IDomainModule> All() => [new MoleculesModule(), new MusicModule()];

    /// <summary>Domain subcommands: <c>chem</c> and <c>midi</c>.</summary>
    public static IEnumerable<Command> ExtraCommands(CliContext context) => [ChemCommand.Create(context), MidiCommand.Create(context)];
}
