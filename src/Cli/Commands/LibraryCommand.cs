using System.CommandLine;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Storage;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// <c>latent library import --domain ID --file FILE [--provider sqlite|postgres] [--db FILE|CONNECTION]</c> and
/// <c>latent library list --domain ID [--query TEXT]</c>: the web app's library, in the same database (so a lab can import
/// a compound collection from a script while the servers serve: SQLite's WAL and busy timeout, or PostgreSQL, let both
/// write).
/// </summary>
public static class LibraryCommand
{
    /// <summary>Builds the command and its subcommands.</summary>
    public static Command Create(CliContext context)
    {
        var storage = new StorageOptions();
        var file = new Option<string>("--file", "-f") { Description = "File to import, in a format the domain reads (e.g. .smi, .sdf, .mid)", Required = true };
        var query = new Option<string?>("--query", "-q") { Description = "Only items whose name or a tag contains this" };

        var import = new Command("import", "Add every valid item of a file to the library") { CommonOptions.Domain, file, CommonOptions.Json };
        storage.AddTo(import);
        import.SetAction(parse =>
        {
            var domain = context.Domain(parse);
            var path = parse.GetRequiredValue(file);
            if (!File.Exists(path)) throw new FileNotFoundException($"No file at '{path}'.", path);
            var (store, registry) = Open(context, storage.Open(parse));
            var report = new LibraryImporter(store, registry).Import(ItemAccess.Everyone, domain.Id, Path.GetFileName(path), File.ReadAllBytes(path));
            context.Write(parse, new { added = report.Added, problems = report.Problems }, w =>
            {
                w.WriteLine($"Added {report.Added} item(s) to the {domain.Id} library.");
                foreach (var problem in report.Problems) w.WriteLine($"  skipped {problem}");
            });
            return CliErrors.Ok;
        });

        var list = new Command("list", "List the library's items, newest first") { CommonOptions.Domain, query, CommonOptions.Json };
        storage.AddTo(list);
        list.SetAction(parse =>
        {
            var domain = context.Domain(parse);
            var (store, _) = Open(context, storage.Open(parse));
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

    private static (LibraryStore Store, DomainRegistry Registry) Open(CliContext context, WorkbenchDatabase database) =>
        (new LibraryStore(database, context.Registry), context.Registry);
}
