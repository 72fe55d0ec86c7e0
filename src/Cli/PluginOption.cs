using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Plugins;

namespace LatentWorkbench.Cli;

/// <summary>
/// <c>latent --plugins DIR COMMAND ...</c>: the option comes before the command because the plugins decide which
/// domains (and so which <c>--domain</c> values) exist before the command line is parsed.
/// </summary>
public static class PluginOption
{
    /// <summary>The option's name.</summary>
    public const string Name = "--plugins";

    /// <summary>The plugin directory given before the command (or null) and the remaining arguments.</summary>
    public static (string? Directory, string[] Remaining) Split(string[] args)
    {
        if (args.Length >= 1 && args[0].StartsWith(Name + "=", StringComparison.Ordinal)) return (args[0][(Name.Length + 1)..], args[1..]);
        if (args.Length >= 1 && args[0] == Name)
            return args.Length >= 2 ? (args[1], args[2..]) : throw new ArgumentException($"{Name} needs a directory: latent {Name} DIR COMMAND ...");
        return (null, args);
    }

    /// <summary>The built-in modules plus those of the plugins in <paramref name="directory"/> (none when null).</summary>
    public static (DomainRegistry Registry, PluginCatalog Catalog) Compose(IReadOnlyList<IDomainModule> builtIn, string? directory)
    {
        var catalog = directory is null ? PluginCatalog.Empty : PluginLoader.Load(directory, builtIn.Select(m => m.Id));
        return (new DomainRegistry([.. builtIn, .. catalog.Modules]), catalog);
    }
}
