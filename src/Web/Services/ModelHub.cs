using System.Collections.Concurrent;
using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Storage;

namespace LatentWorkbench.Web.Services;

/// <summary>
/// One <see cref="ModelWorker"/> per domain, loaded on first use from the folder chosen on the Models page, else
/// configuration (<c>Models:&lt;domain&gt;</c>), else the domain's default checkpoint. All users share it; the worker
/// serialises the tensor work, and at most <c>Models:MaxQueued</c> requests wait for it (more are refused with
/// <see cref="WorkerBusyException"/>, which the API answers as 503 with <c>Retry-After</c>). Instances that share a
/// database follow each other's choices (<see cref="FollowChoicesAsync"/>, run by <see cref="ActiveModelFollower"/>).
/// </summary>
public sealed class ModelHub(DomainRegistry registry, IConfiguration configuration, ILogger<ModelHub> logger, ActiveModelStore? choices = null,
    LatentCodeStore? keptCodes = null)
    : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ModelWorker>> _workers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string?> _chosen = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Default of <c>Models:MaxQueued</c>: the requests that may wait for one model before new ones are answered 503.</summary>
    public const int DefaultMaxQueued = 64;

    /// <summary>Requests that may wait for one model (<c>Models:MaxQueued</c>; 0 = no limit).</summary>
    public int MaxQueued { get; } = Math.Max(0, configuration.GetValue("Models:MaxQueued", DefaultMaxQueued));

    /// <summary>CPU threads of each model worker's tensor operations (<c>Models:Threads</c>, at least 1; see <see cref="ModelWorker"/>).</summary>
    public int Threads { get; } = Math.Max(1, configuration.GetValue("Models:Threads", 1));

    /// <summary>
    /// Copies of each served model that take requests side by side, each on its own thread (<c>Models:Replicas</c>, at
    /// least 1): one serves a single user; a shared server does more with about one per core the models' work may use.
    /// </summary>
    public int Replicas { get; } = Math.Max(1, configuration.GetValue("Models:Replicas", 1));

    /// <summary>Items whose latent codes each model worker keeps (<c>Models:CachedCodes</c>; 0 = none; see <see cref="LatentCodeCache"/>).</summary>
    public int CachedCodes { get; } = Math.Max(0, configuration.GetValue("Models:CachedCodes", ModelWorker.DefaultCachedCodes));

    /// <summary>The model folder used for <paramref name="domain"/>.</summary>
    public string FolderOf(IDomainModule domain)
    {
        var chosen = _chosen.GetOrAdd(domain.Id, id => choices?.Get(id));
        if (chosen is not null && CheckpointStore.Exists(chosen)) return chosen;
        return configuration[$"Models:{domain.Id}"] is { Length: > 0 } configured ? configured : ModelLocator.DefaultModelFolder(domain);
    }

    /// <summary>
    /// What is wrong with the checkpoint served for <paramref name="domain"/>, found without loading it (see
    /// <see cref="CheckpointStore.Problems"/>); empty when it looks whole or there is none.
    /// </summary>
    public IReadOnlyList<string> ProblemsOf(IDomainModule domain) => HasModel(domain) ? CheckpointStore.Problems(FolderOf(domain)) : [];

    /// <summary>Logs, naming the files, every served checkpoint that is damaged; run once at start-up.</summary>
    public void LogDamagedCheckpoints()
    {
        foreach (var domain in registry.Modules)
            foreach (var problem in ProblemsOf(domain))
                logger.LogError("The {Domain} model cannot be served: {Problem}", domain.Id, problem);
    }

    /// <summary>Whether <paramref name="domain"/> has a model to load.</summary>
    public bool HasModel(IDomainModule domain) => CheckpointStore.Exists(FolderOf(domain));

    /// <summary>The worker of <paramref name="domainId"/>; throws <see cref="ModelUnavailableException"/> when it has no model.</summary>
    public ModelWorker Get(string domainId)
    {
        var domain = registry.Get(domainId);
        if (!HasModel(domain)) throw new ModelUnavailableException($"{domain.DisplayName} has no trained model yet (looked in '{FolderOf(domain)}').");
        var worker = _workers.GetOrAdd(domain.Id, _ => new Lazy<ModelWorker>(() =>
        {
            if (ProblemsOf(domain) is [var problem, ..]) throw new InvalidDataException(problem);
            logger.LogInformation("Loading the {Domain} model from {Folder}", domain.Id, FolderOf(domain));
            var (folder, device, precision) = (FolderOf(domain), configuration["Device"] ?? "auto", PrecisionSelector.Parse(configuration["Precision"]));
            var replicas = new List<DomainModel>();
            try
            {
                for (int i = 0; i < Replicas; i++) replicas.Add(DomainModel.Load(domain, folder, device, precision));
            }
            catch
            {
                foreach (var loaded in replicas) loaded.Dispose();
                throw;
            }
            return new ModelWorker(replicas, MaxQueued, Threads, CachedCodes, KeptCodesOf(domain.Id, folder));
        }));
        try
        {
            return worker.Value;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or System.Runtime.InteropServices.ExternalException)
        {
            // A damaged checkpoint: say which file, keep serving the other domains, and try again on the next request
            // (the folder may have been repaired or another model activated meanwhile).
            _workers.TryRemove(new KeyValuePair<string, Lazy<ModelWorker>>(domain.Id, worker));
            logger.LogError(e, "The {Domain} model in {Folder} could not be loaded", domain.Id, FolderOf(domain));
            throw new ModelUnavailableException($"The {domain.DisplayName} model in '{FolderOf(domain)}' could not be loaded: {e.Message}");
        }
    }

    /// <summary>
    /// The database's store of latent codes for the checkpoint in <paramref name="folder"/> (library items' codes kept
    /// across restarts); the codes of the domain's other checkpoints are forgotten. Null without a database.
    /// </summary>
    private DatabaseCodeStore? KeptCodesOf(string domainId, string folder)
    {
        if (keptCodes is null) return null;
        var model = LatentCodeStore.ModelKey(domainId, File.ReadAllText(Path.Combine(folder, CheckpointStore.ManifestFile)));
        try
        {
            var forgotten = keptCodes.ForgetOtherModels(domainId, model);
            if (forgotten > 0) logger.LogInformation("Forgot {Count} latent codes of earlier {Domain} models", forgotten, domainId);
        }
        catch (System.Data.Common.DbException e)
        {
            logger.LogWarning(e, "Latent codes of earlier {Domain} models could not be forgotten", domainId);
        }
        return new DatabaseCodeStore(keptCodes, model);
    }

    /// <summary>The worker of <paramref name="domainId"/> when its model is loaded already (this never loads one); else null.</summary>
    public ModelWorker? Loaded(string domainId) =>
        _workers.TryGetValue(domainId, out var worker) && worker.IsValueCreated ? worker.Value : null;

    /// <summary>
    /// Serves the checkpoint at <paramref name="folder"/> for <paramref name="domainId"/> from now on (remembered across
    /// restarts); the previous worker finishes its queued work and is released. Throws <see cref="ItemInputException"/>
    /// when the folder holds no checkpoint of that domain.
    /// </summary>
    public async Task ActivateAsync(string domainId, string folder)
    {
        var domain = registry.Get(domainId);
        if (!CheckpointStore.Exists(folder)) throw new ItemInputException($"'{folder}' holds no checkpoint.");
        var manifest = CheckpointStore.ReadManifest(folder);
        if (manifest.DomainId != domain.Id) throw new ItemInputException($"'{folder}' holds a {manifest.DomainId} model, not a {domain.Id} one.");
        choices?.Set(domain.Id, folder);
        _chosen[domain.Id] = folder;
        if (_workers.TryRemove(domain.Id, out var previous) && previous.IsValueCreated) await previous.Value.DisposeAsync();
    }

    /// <summary>
    /// Serves, for every domain, the folder recorded in the database when another instance (or this one) chose a
    /// different one since; the model is reloaded on its next request. Returns the domains that changed.
    /// </summary>
    public async Task<IReadOnlyList<string>> FollowChoicesAsync()
    {
        if (choices is null) return [];
        var changed = new List<string>();
        foreach (var (domainId, folder) in choices.All())
        {
            if (registry.Find(domainId) is not { } domain) continue;
            if (_chosen.TryGetValue(domain.Id, out var served) && served == folder) continue;
            if (!_chosen.ContainsKey(domain.Id) && !_workers.ContainsKey(domain.Id))
            {
                _chosen[domain.Id] = folder; // not served yet: the first request loads the chosen folder
                continue;
            }
            if (!CheckpointStore.Exists(folder)) continue; // not (yet) visible here: keep serving, look again next time
            logger.LogInformation("The {Domain} model changed on another instance; serving {Folder}", domain.Id, folder);
            _chosen[domain.Id] = folder;
            if (_workers.TryRemove(domain.Id, out var previous) && previous.IsValueCreated) await previous.Value.DisposeAsync();
            changed.Add(domain.Id);
        }
        return changed;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers.Values.Where(w => w.IsValueCreated)) await worker.Value.DisposeAsync();
    }
}
