using LatentWorkbench.Web.Accounts;
using LatentWorkbench.Storage.Accounts;
using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Apis.Responses;
using LatentWorkbench.Web.Components.Pages.Explore;
using LatentWorkbench.Web.Services;
using LatentWorkbench.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LatentWorkbench.Web.Apis;

/// <summary>REST API for scripts: the same operations as the <c>latent</c> command line, with the same JSON fields.</summary>
public static class DomainsApi
{
    /// <summary>Most items per encode or decode request, and most samples per sample request.</summary>
    public const int MaxItems = 1000;

    /// <summary>Largest neighbourhood (latent units) a sample-around request may ask for.</summary>
    public const double MaxRadius = 10;

    /// <summary>Largest move along an attribute vector, in multiples of its length, either way.</summary>
    public const double MaxAmount = 10;

    /// <summary>Maps <c>/api/domains</c>.</summary>
    public static RouteGroupBuilder MapDomainsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/domains").WithTags("Domains").RequireRole(WorkbenchRoles.Viewer);
        api.MapGet("/", ListDomains).WithSummary("Registered domains and whether each has a model");
        api.MapPost("/{domain}/encode", Encode).WithSummary("Latent means and log-variances of items").ProducesProblems(400, 404, 503);
        api.MapPost("/{domain}/decode", Decode).WithSummary("Items decoded from latent vectors").ProducesProblems(400, 404, 503);
        api.MapPost("/{domain}/interpolate", Interpolate).WithSummary("Decoded path between two items").ProducesProblems(400, 404, 503);
        api.MapPost("/{domain}/navigate", Navigate).WithSummary("Steer an item toward an objective").ProducesProblems(400, 404, 503);
        api.MapPost("/{domain}/sample", Sample).WithSummary("Items decoded from the prior").ProducesProblems(400, 404, 503);
        api.MapPost("/{domain}/sample-around", SampleAround).WithSummary("Items decoded around one item").ProducesProblems(400, 404, 503);
        api.MapPost("/{domain}/move", Move).WithSummary("An item moved along one of the model's attribute vectors (e.g. swing)").ProducesProblems(400, 404, 503);
        return api.WithApiErrors();
    }

    private static Ok<DomainResponse[]> ListDomains(DomainRegistry registry, ModelHub hub) => TypedResults.Ok(registry.Modules.Select(m =>
        new DomainResponse(m.Id, m.DisplayName, m.Description, m.ItemField, hub.HasModel(m), m.Properties.Definitions, m.Attributes)).ToArray());

    private static async Task<Ok<EncodeResponse>> Encode(string domain, EncodeRequest request, ModelHub hub, CancellationToken ct)
    {
        ApiErrors.Require(request.Items is { Count: > 0 and <= MaxItems } && request.Items.All(i => !string.IsNullOrWhiteSpace(i)),
            $"items must hold 1 to {MaxItems} non-empty entries");
        var worker = hub.Get(domain);
        var codes = await worker.EncodeAsync(request.Items, ct);
        return TypedResults.Ok(new EncodeResponse(request.Items.Zip(codes, (t, c) => new EncodedItem(t, c.Mean, c.LogVariance)).ToArray()));
    }

    private static async Task<Ok<PointsResponse>> Decode(string domain, DecodeRequest request, ModelHub hub, CancellationToken ct)
    {
        ApiErrors.Require(request.Latents is { Count: > 0 and <= MaxItems } && request.Latents.All(l => l is not null && l.All(float.IsFinite)),
            $"latents must hold 1 to {MaxItems} vectors of finite numbers");
        return TypedResults.Ok(await hub.Get(domain).RunAsync(m => Points(m, m.Decode(request.Latents)), ct));
    }

    private static async Task<Ok<PointsResponse>> Interpolate(string domain, InterpolateRequest request, ModelHub hub, DomainRegistry registry,
        SessionStore sessions, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        ApiErrors.Require(!string.IsNullOrWhiteSpace(request.From) && !string.IsNullOrWhiteSpace(request.To), "from and to are required");
        var method = Interpolation.Named(request.Method);
        var decoding = DecodeOptions.Named(request.Decoding);
        var module = registry.Get(domain);
        // Concurrent interpolations of one model are computed together (ModelWorker batches them).
        var path = await hub.Get(domain).InterpolateAsync(new PathRequest(request.From, request.To, request.Steps, method, decoding, request.Smooth), ct);
        var response = new PointsResponse(PointResponse.Of(module, path));
        if (!request.Save) return TypedResults.Ok(response);
        var run = new InterpolationRun(request.From, request.To, request.Steps, request.Method, request.Decoding, request.Smooth);
        var saved = sessions.Save(WorkbenchCaller.Of(user).Access, SessionStore.Interpolation, module.Id, run.Title(module, null), run, path.ToArray());
        return TypedResults.Ok(response with { SessionId = saved.Id });
    }

    private static async Task<Ok<NavigationResponse>> Navigate(string domain, NavigateRequest request, ModelHub hub, DomainRegistry registry, CancellationToken ct)
    {
        ApiErrors.Require(!string.IsNullOrWhiteSpace(request.From), "from is required");
        ApiErrors.Require(request.Steps is >= 1 and <= 200, "steps must be between 1 and 200");
        ApiErrors.Require(request.MinSimilarity is >= 0 and <= 1, "min_similarity must be between 0 and 1");
        var terms = ObjectiveParser.Parse(request.Objective ?? "");
        // Navigations waiting together run as one batch (ModelWorker.NavigateAsync).
        var result = await hub.Get(domain).NavigateAsync(new NavigationRequest(request.From, terms, request.MinSimilarity,
            new AscentSettings(Steps: request.Steps), Math.Clamp(request.SamplesPerStep, 0, 32)), ct);
        return TypedResults.Ok(NavigationResponse.Of(registry.Get(domain), result));
    }

    private static async Task<Ok<PointsResponse>> Sample(string domain, SampleRequest request, ModelHub hub, CancellationToken ct)
    {
        ApiErrors.Require(request.N is >= 1 and <= MaxItems, $"n must be between 1 and {MaxItems}");
        return TypedResults.Ok(await hub.Get(domain).RunAsync(m => Points(m, m.Sample(request.N, request.Seed)), ct));
    }

    private static async Task<Ok<PointsResponse>> SampleAround(string domain, SampleAroundRequest request, ModelHub hub, CancellationToken ct)
    {
        ApiErrors.Require(!string.IsNullOrWhiteSpace(request.Item), "item is required");
        ApiErrors.Require(request.N is >= 1 and <= MaxItems, $"n must be between 1 and {MaxItems}");
        ApiErrors.Require(request.Radius is >= 0 and <= MaxRadius, $"Radius must be between 0 and {MaxRadius} (got {request.Radius}).");
        var decoding = DecodeOptions.Named(request.Decoding);
        return TypedResults.Ok(await hub.Get(domain).RunAsync(m => Points(m, m.SampleAround(request.Item, request.N, request.Radius, request.Seed, decoding)), ct));
    }

    private static async Task<Ok<PointsResponse>> Move(string domain, MoveRequest request, ModelHub hub, CancellationToken ct)
    {
        ApiErrors.Require(!string.IsNullOrWhiteSpace(request.From), "from is required");
        ApiErrors.Require(!string.IsNullOrWhiteSpace(request.Attribute), "attribute is required");
        ApiErrors.Require(request.Amount is >= -MaxAmount and <= MaxAmount, $"amount must be between -{MaxAmount} and {MaxAmount} (got {request.Amount})");
        return TypedResults.Ok(await hub.Get(domain).RunAsync(m => Points(m, m.MoveAlong(request.From, request.Attribute, request.Amount, request.Steps)), ct));
    }

    private static PointsResponse Points(DomainModel model, IEnumerable<LatentPoint> points) => new(PointResponse.Of(model.Module, points));
}
