using System.CommandLine;
using LatentWorkbench.Storage;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// <c>--provider</c> and <c>--db</c>: the workbench database of the commands that share it with the web app (library,
/// users). Without them, the same environment variables the web app reads (<c>Storage__Provider</c>,
/// <c>Storage__ConnectionString</c>, <c>Storage__Database</c>) apply, so a script beside a server needs no flags.
/// </summary>
public sealed class StorageOptions
{
    /// <summary><c>--provider sqlite|postgres</c>.</summary>
    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = "sqlite (the default) or postgres (default: the Storage__Provider environment variable)",
        HelpName = "sqlite|postgres",
    };

    /// <summary><c>--db</c>: the SQLite file or the PostgreSQL connection string.</summary>
    public Option<string?> Database { get; } = new("--db")
    {
        Description = "The SQLite file (default: the web app's, src/Web/App_Data/workbench.db of this checkout, else App_Data/workbench.db here), "
            + "or with --provider postgres a connection string such as 'Host=db;Database=workbench;Username=lab' (default: Storage__ConnectionString)",
    };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Database);
    }

    /// <summary>
    /// The store the parsed options (else the environment) name, opened and migrated. Throws
    /// <see cref="ArgumentException"/> for an unknown provider or a postgres provider without a connection string.
    /// </summary>
    public WorkbenchDatabase Open(ParseResult parse) => new(Settings(parse.GetValue(Provider), parse.GetValue(Database)));

    /// <summary>The settings of <paramref name="provider"/> and <paramref name="database"/>, each falling back to the environment.</summary>
    public static StorageSettings Settings(string? provider, string? database)
    {
        provider ??= Environment.GetEnvironmentVariable("Storage__Provider");
        var postgres = provider is not null && !provider.Trim().Equals("sqlite", StringComparison.OrdinalIgnoreCase) && provider.Trim().Length > 0;
        database ??= Environment.GetEnvironmentVariable(postgres ? "Storage__ConnectionString" : "Storage__Database");
        return StorageSettings.Parse(provider, database, DefaultDatabase());
    }

    /// <summary>The web app's default database of the checkout the working directory is in, else <c>App_Data/workbench.db</c> here.</summary>
    public static string DefaultDatabase()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "src", "Web", "Web.csproj"))) return Path.Combine(dir.FullName, "src", "Web", "App_Data", "workbench.db");
        return Path.Combine("App_Data", "workbench.db");
    }
}
