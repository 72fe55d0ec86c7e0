using System.CommandLine;
using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>latent [--plugins DIR] domains [--json]</c>: the registered domains, their default models, and the plugins that were skipped.</summary>
public static class DomainsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("domains", "List the registered domains") { CommonOptions.Json };
        command.SetAction(parse =>
        {
            var rows = context.Registry.Modules.Select(m =>
            {
                var folder = ModelLocator.DefaultModelFolder(m);
                return new
                {
                    id = m.Id, name = m.DisplayName, description = m.Description, item_field = m.ItemField,
                    default_model = folder, default_model_present = CheckpointStore.Exists(folder),
                    properties = m.Properties.Definitions.Select(d => d.Key).ToArray(),
                    attributes = m.Attributes.Select(a => a.Key).ToArray(),
                    contract_version = DomainContract.Version,
                };
            }).ToArray();
            var plugins = context.Plugins.Reports.Select(p => new
            {
                folder = p.Folder, status = p.Status, loaded = p.IsLoaded, message = p.Message, domains = p.DomainIds,
            }).ToArray();
            context.Write(parse, new { domains = rows, plugin_directory = context.Plugins.Directory, plugins }, w =>
            {
                if (rows.Length == 0) w.WriteLine("No domains are registered.");
                foreach (var r in rows)
                    w.WriteLine($"{r.id,-12} {r.name,-14} {r.description} (model: {(r.default_model_present ? r.default_model : "none yet")})");
                foreach (var p in context.Plugins.Skipped) w.WriteLine($"skipped plugin {p.Folder}: {p.Message}");
            });
            return CliErrors.Ok;
        });
        return command;
    }
}
