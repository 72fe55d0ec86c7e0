using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Web.Services.Training;

namespace LatentWorkbench.Web.Services;

/// <summary>
/// The checkpoints the workbench can serve: the folder each domain uses now plus every checkpoint folder beside it and
/// under <c>Models:Root</c> (configuration) and the domain's folder of models trained in the workbench. Read from disk on
/// each call: training runs may add folders at any time.
/// </summary>
public sealed class ModelCatalog(DomainRegistry registry, ModelHub hub, IConfiguration configuration, ILogger<ModelCatalog> logger,
    TrainingFolders? training = null)
{
    /// <summary>The checkpoints of <paramref name="domainId"/>, the active one first.</summary>
    public IReadOnlyList<ModelEntry> List(string domainId)
    {
        var domain = registry.Get(domainId);
        var active = Path.GetFullPath(hub.FolderOf(domain));
        var roots = new[] { Path.GetDirectoryName(active), configuration["Models:Root"], training?.DomainModels(domain.Id) }.Where(r => r is { Length: > 0 } && Directory.Exists(r));
        var folders = roots.SelectMany(r => Directory.EnumerateDirectories(r!)).Select(Path.GetFullPath).Append(active)
            .Where(CheckpointStore.Exists).Distinct();
        var entries = new List<ModelEntry>();
        foreach (var folder in folders)
        {
            try
            {
                var manifest = CheckpointStore.ReadManifest(folder);
                if (manifest.DomainId != domain.Id) continue;
                entries.Add(new ModelEntry(domain.Id, Path.GetFileName(folder), folder, manifest, ReadText(folder, CheckpointStore.ModelCardFile),
                    ReadText(folder, CheckpointStore.EvaluationFile), folder == active));
            }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidDataException)
            {
                logger.LogWarning("Skipping the unreadable checkpoint {Folder}: {Message}", folder, e.Message);
            }
        }
        return entries.OrderByDescending(e => e.Active).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    private static string? ReadText(string folder, string file) =>
        File.Exists(Path.Combine(folder, file)) ? File.ReadAllText(Path.Combine(folder, file)) : null;
}
