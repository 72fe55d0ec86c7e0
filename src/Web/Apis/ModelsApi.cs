using LatentWorkbench.Core.Domains;
using LatentWorkbench.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LatentWorkbench.Web.Apis;

/// <summary>Models over REST: each domain's checkpoints with metrics, and the choice of the one served.</summary>
public static class ModelsApi
{
    /// <summary>Maps <c>/api/models</c>.</summary>
    public static RouteGroupBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/models").WithTags("Models");
        api.MapGet("/", ListAll).WithSummary("Every domain's checkpoints");
        api.MapGet("/{domain}", List).WithSummary("A domain's checkpoints, the active one first");
        api.MapPut("/{domain}/active", Activate).WithSummary("Serves the named checkpoint of the domain from now on");
        api.MapGet("/{domain}/evaluate/datasets", EvaluationDataSets).WithSummary("The data sets a checkpoint of the domain can be evaluated on");
        api.MapPost("/{domain}/evaluate", Evaluate)
            .WithSummary("Evaluates a checkpoint on a data set: the figures of latent evaluate --json, with the same keys");
        api.AddEndpointFilter(ApiErrors.Filter);
        return api;
    }

    private static Ok<object[]> ListAll(DomainRegistry registry, ModelCatalog catalog) =>
        TypedResults.Ok(registry.Modules.Select(m => (object)new { domain = m.Id, models = catalog.List(m.Id).Select(Describe).ToArray() }).ToArray());

    private static Ok<object[]> List(string domain, ModelCatalog catalog) => TypedResults.Ok(catalog.List(domain).Select(Describe).ToArray());

    private static async Task<Ok<object>> Activate(string domain, ActivateModelRequest request, ModelCatalog catalog, ModelHub hub)
    {
        ApiErrors.Require(!string.IsNullOrWhiteSpace(request.Name), "name is required");
        var entry = catalog.List(domain).FirstOrDefault(e => e.Name == request.Name)
            ?? throw new ArgumentException($"Domain '{domain}' has no checkpoint named '{request.Name}'.");
        await hub.ActivateAsync(domain, entry.Folder);
        return TypedResults.Ok(Describe(entry with { Active = true }));
    }

    private static Ok<IReadOnlyList<string>> EvaluationDataSets(string domain, ModelEvaluations evaluations) =>
        TypedResults.Ok(evaluations.DataSets(domain));

    private static async Task<Ok<Dictionary<string, object?>>> Evaluate(string domain, EvaluateModelRequest request, ModelEvaluations evaluations,
        CancellationToken cancellation)
    {
        ApiErrors.Require(!string.IsNullOrWhiteSpace(request.Data), "data is required: a data set name from GET /api/models/{domain}/evaluate/datasets");
        var defaults = new EvaluationRequest(domain, request.Data!);
        var result = await evaluations.EvaluateAsync(defaults with
        {
            Model = request.Model, Samples = request.Samples ?? defaults.Samples, Limit = request.Limit ?? defaults.Limit, Consistent = request.Consistent,
        }, cancellation);
        return TypedResults.Ok(result.ToJson());
    }

    private static object Describe(ModelEntry e) => new
    {
        name = e.Name, domain = e.Domain, active = e.Active, step = e.Manifest.State.Step, epochs = e.Manifest.State.EpochsDone,
        completed = e.Manifest.State.Completed, training_items = e.Manifest.TrainingItems, written_utc = e.Manifest.WrittenUtc,
        latent_size = e.Manifest.Model.LatentSize, metrics = e.Manifest.Metrics,
        evaluation = e.Evaluation is null ? (object?)null : System.Text.Json.JsonDocument.Parse(e.Evaluation).RootElement,
        has_model_card = e.Card is not null,
    };
}

/// <summary>Body of <c>PUT /api/models/{domain}/active</c>: the checkpoint folder's name as listed.</summary>
public sealed record ActivateModelRequest(string Name);
