using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Evaluation;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Services.Training;

namespace LatentWorkbench.Web.Services;

/// <summary>
/// Evaluates a checkpoint (<see cref="ModelEvaluation"/>) on a data set of the training folders or the domain's bundled
/// samples, for the Models page and <c>POST /api/models/{domain}/evaluate</c>. The tensor work runs on a model worker:
/// the domain's own for the checkpoint it serves, a short-lived one for another checkpoint.
/// </summary>
public sealed class ModelEvaluations(DomainRegistry registry, ModelCatalog catalog, ModelHub hub, TrainingFolders folders, IConfiguration configuration)
{
    /// <summary>Name of the data set made of the domain's sample items (<see cref="IDomainModule.Samples"/>).</summary>
    public const string BundledSamples = "(bundled samples)";

    /// <summary>Most held-out items one evaluation reads.</summary>
    public const int MaxItems = 20_000;

    /// <summary>Most prior samples one evaluation decodes.</summary>
    public const int MaxSamples = 10_000;

    /// <summary>The data sets <paramref name="domainId"/>'s checkpoints can be evaluated on: its bundled samples, if any, then the training folders' data sets.</summary>
    public IReadOnlyList<string> DataSets(string domainId)
    {
        var domain = registry.Get(domainId);
        var names = folders.List().Select(e => e.Name);
        return domain.Samples.Count > 0 ? [BundledSamples, .. names] : [.. names];
    }

    /// <summary>
    /// Evaluates <paramref name="request"/>. Throws <see cref="ItemInputException"/> for limits out of range, an unknown
    /// checkpoint or data set, or data without readable items; <see cref="ModelUnavailableException"/> when the domain
    /// serves no model; <see cref="OperationCanceledException"/> when <paramref name="cancellation"/> fires.
    /// </summary>
    public async Task<ModelEvaluationResult> EvaluateAsync(EvaluationRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var domain = registry.Get(request.Domain);
        if (request.Limit is < 1 or > MaxItems) throw new ItemInputException($"The item limit must be between 1 and {MaxItems} (got {request.Limit}).");
        if (request.Samples is < 0 or > MaxSamples) throw new ItemInputException($"The sample count must be between 0 and {MaxSamples} (got {request.Samples}).");
        var entries = catalog.List(domain.Id);
        var entry = string.IsNullOrEmpty(request.Model) ? entries.FirstOrDefault(e => e.Active) : entries.FirstOrDefault(e => e.Name == request.Model);
        if (entry is null && string.IsNullOrEmpty(request.Model)) throw new ModelUnavailableException($"{domain.DisplayName} has no trained model yet.");
        if (entry is null) throw new ItemInputException($"{domain.DisplayName} has no checkpoint named '{request.Model}'.");
        var records = await Task.Run(() => Read(domain, request), cancellation);
        var options = new ModelEvaluationOptions(request.Samples, request.Consistent, DataName: request.Data);
        try
        {
            if (entry.Active) return await hub.Get(domain.Id).RunAsync(m => ModelEvaluation.Run(m, records, options, cancellation), cancellation);
            await using var worker = await Task.Run(() => new ModelWorker(DomainModel.Load(domain, entry.Folder, configuration["Device"] ?? "auto")), cancellation);
            return await worker.RunAsync(m => ModelEvaluation.Run(m, records, options, cancellation), cancellation);
        }
        catch (InvalidDataException e)
        {
            throw new ItemInputException(e.Message);
        }
    }

    private List<TrainingRecord> Read(IDomainModule domain, EvaluationRequest request)
    {
        if (request.Data == BundledSamples)
        {
            if (domain.Samples.Count == 0) throw new ItemInputException($"{domain.DisplayName} has no bundled samples; choose a data set.");
            return domain.Samples.Take(request.Limit).Select(s => new TrainingRecord(s.Text, new Dictionary<string, double>(), s.Tags)).ToList();
        }
        var path = folders.ResolveData(request.Data);
        List<TrainingRecord> records;
        try
        {
            records = domain.Datasets.Read(path, new DatasetOptions(Limit: request.Limit)).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException)
        {
            throw new ItemInputException($"'{request.Data}' cannot be read as {domain.DisplayName} data: {e.Message}");
        }
        if (records.Count == 0) throw new ItemInputException($"'{request.Data}' holds no {domain.DisplayName} items.");
        return records;
    }
}
