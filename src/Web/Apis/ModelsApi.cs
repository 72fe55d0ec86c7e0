using LatentWorkbench.Web.Accounts;
using LatentWorkbench.Storage.Accounts;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Web.Apis.Responses;
using LatentWorkbench.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LatentWorkbench.Web.Apis;

/// <summary>Models over REST: each domain's checkpoints with metrics, and the choice of the one served.</summary>
public static class ModelsApi
{
    /// <summary>Maps <c>/api/models</c>.</summary>
    public static RouteGroupBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/models").WithTags("Models").RequireRole(WorkbenchRoles.Viewer);
        api.MapGet("/", ListAll).WithSummary("Every domain's checkpoints");
        api.MapGet("/{domain}", List).WithSummary("A domain's checkpoints, the active one first").ProducesProblems(404);
        api.MapPut("/{domain}/active", Activate).WithSummary("Serves the named checkpoint of the domain from now on").ProducesProblems(400, 404)
            .RequireRole(WorkbenchRoles.Admin);
        api.MapGet("/{domain}/evaluate/datasets", EvaluationDataSets).WithSummary("The data sets a checkpoint of the domain can be evaluated on")
            .ProducesProblems(404).RequireRole(WorkbenchRoles.Admin);
        api.MapPost("/{domain}/evaluate", Evaluate)
            .WithSummary("Evaluates a checkpoint on a data set: the figures of latent evaluate --json, with the same keys").ProducesProblems(400, 404)
            .RequireRole(WorkbenchRoles.Admin);
        return api.WithApiErrors();
    }

    private static Ok<DomainModelsResponse[]> ListAll(DomainRegistry registry, ModelCatalog catalog) =>
        TypedResults.Ok(registry.Modules.Select(m => new DomainModelsResponse(m.Id, catalog.List(m.Id).Select(ModelResponse.Of).ToArray())).ToArray());

    private static Ok<ModelResponse[]> List(string domain, ModelCatalog catalog) => TypedResults.Ok(catalog.List(domain).Select(ModelResponse.Of).ToArray());

    private static async Task<Ok<ModelResponse>> Activate(string domain, ActivateModelRequest request, ModelCatalog catalog, ModelHub hub)
    {
        ApiErrors.Require(!string.IsNullOrWhiteSpace(request.Name), "name is required");
        var entry = catalog.List(domain).FirstOrDefault(e => e.Name == request.Name)
            ?? throw new ArgumentException($"Domain '{domain}' has no checkpoint named '{request.Name}'.");
        await hub.ActivateAsync(domain, entry.Folder);
        return TypedResults.Ok(ModelResponse.Of(entry with { Active = true }));
    }

    private static Ok<IReadOnlyList<string>> EvaluationDataSets(string domain, ModelEvaluations evaluations) =>
        TypedResults.Ok(evaluations.DataSets(domain));

    private static async Task<Ok<EvaluationResponse>> Evaluate(string domain, EvaluateModelRequest request, ModelEvaluations evaluations,
        CancellationToken cancellation)
    {
        ApiErrors.Require(!string.IsNullOrWhiteSpace(request.Data), "data is required: a data set name from GET /api/models/{domain}/evaluate/datasets");
        var defaults = new EvaluationRequest(domain, request.Data!);
        var result = await evaluations.EvaluateAsync(defaults with
        {
            Model = request.Model, Samples = request.Samples ?? defaults.Samples, Limit = request.Limit ?? defaults.Limit, Consistent = request.Consistent,
        }, cancellation);
        return TypedResults.Ok(EvaluationResponse.Of(result));
    }
}

/// <summary>Body of <c>PUT /api/models/{domain}/active</c>: the checkpoint folder's name as listed.</summary>
public sealed record ActivateModelRequest(string Name);
