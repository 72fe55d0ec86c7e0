using System.Collections.Concurrent;
using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Web.Services;

/// <summary>
/// One <see cref="ModelWorker"/> per domain, loaded on first use from configuration (<c>Models:&lt;domain&gt;</c>) or
/// the domain's default checkpoint. All users share it; the worker serialises the tensor work.
/// </summary>
public sealed class ModelHub(DomainRegistry registry, IConfiguration configuration, ILogger<ModelHub> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ModelWorker>> _workers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The model folder used for <paramref name="domain"/>.</summary>
    public string FolderOf(IDomainModule domain) =>
        configuration[$"Models:{domain.Id}"] is { Length: > 0 } configured ? configured : ModelLocator.DefaultModelFolder(domain);

    /// <summary>Whether <paramref name="domain"/> has a model to load.</summary>
    public bool HasModel(IDomainModule domain) => CheckpointStore.Exists(FolderOf(domain));

    /// <summary>The worker of <paramref name="domainId"/>; throws <see cref="ModelUnavailableException"/> when it has no model.</summary>
    public ModelWorker Get(string domainId)
    {
        var domain = registry.Get(domainId);
        if (!HasModel(domain)) throw new ModelUnavailableException($"Domain '{domain.Id}' has no trained model at '{FolderOf(domain)}'.");
        return _workers.GetOrAdd(domain.Id, _ => new Lazy<ModelWorker>(() =>
        {
            logger.LogInformation("Loading the {Domain} model from {Folder}", domain.Id, FolderOf(domain));
            return new ModelWorker(DomainModel.Load(domain, FolderOf(domain), configuration["Device"] ?? "auto"));
        })).Value;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers.Values.Where(w => w.IsValueCreated)) await worker.Value.DisposeAsync();
    }
}
