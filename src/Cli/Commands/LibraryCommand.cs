using System.CommandLine;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Storage;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// <c>latent library import --domain ID --file FILE [--db PATH]</c> and <c>latent library list --domain ID [--query TEXT]</c>:
/// the web app's library, in the same database (so a lab can import a compound collection from a script while the
/// server serves; SQLite's WAL and busy timeout let both write).
/// </summary>
public static class LibraryCommand
{
    /// <summary>Builds the command and its subcommands.</summary>
    public static Command Create(CliContext context)
    {
        var db = DatabaseOption();
        var file = new Option<string>("--file", "-f") { Description = "File to import, in a format the domain reads (e.g. .smi, .sdf, .mid)", Required = true };
        var query = new Option<string?>("--query", "-q") { Description = "Only items whose name or a tag contains this" };

        var import = new Command("import", "Add every valid item of a file to the library") { CommonOptions.Domain, file, db, CommonOptions.Json };
        import.SetAction(parse =>
        {
            var domain = context.Domain(parse);
            var path = parse.GetRequiredValue(file);
            if (!File.Exists(path)) throw new FileNotFoundException($"No file at '{path}'.", path);
            var (store, registry) = Open(context, parse.GetValue(db));
            var report = new LibraryImporter(store, registry).Import(ItemAccess.Everyone, domain.Id, Path.GetFileName(path), File.ReadAllBytes(path));
            context.Write(parse, new { added = report.Added, problems = report.Problems }, w =>
            {
                w.WriteLine($"Added {report.Added} item(s) to the {domain.Id} library.");
                foreach (var problem in report.Problems) w.WriteLine($"  skipped {problem}");
            });
            return CliErrors.Ok;
        });

        var list = new Command("list", "List the library's items, newest first") { CommonOptions.Domain, query, db, CommonOptions.Json };
        list.SetAction(parse =>
        {
            var domain = context.Domain(parse);
            var (store, _) = Open(context, parse.GetValue(db));
            var items = store.List(ItemAccess.Everyone, domain.Id, parse.GetValue(query));
            context.Write(parse, new { items = items.Select(i => new { id = i.Id, name = i.Name, text = i.Text, tags = i.Tags, properties = i.Properties }) }, w =>
            {
                foreach (var item in items) w.WriteLine($"{item.Id,6}  {item.Name,-30} {item.Text}");
                w.WriteLine($"{items.Count} item(s)");
            });
            return CliErrors.Ok;
        });
        return new Command("library", "The workbench library (shared with the web app)") { import, list };
    }

    /// <summary>The <c>--db</c> option of the commands that use the web app's database.</summary>
    public static Option<string?> DatabaseOption() =>
        new("--db") { Description = "The workbench database (default: the web app's, src/Web/App_Data/workbench.db of this checkout, else App_Data/workbench.db here)" };

    private static (LibraryStore Store, DomainRegistry Registry) Open(CliContext context, string? database) =>
        (new LibraryStore(new WorkbenchDatabase(database ?? DefaultDatabase()), context.Registry), context.Registry);

    /// <summary>The web app's default database of the checkout the working directory is in, else <c>App_Data/workbench.db</c> here.</summary>
    public static string DefaultDatabase()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "src", "Web", "Web.csproj"))) return Path.Combine(dir.FullName, "src", "Web", "App_Data", "workbench.db");
        return Path.Combine("App_Data", "workbench.db");
    }
}
