using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LatentWorkbench.Web.Apis;

/// <summary>REST API for scripts: the same operations as the <c>latent</c> command line, with the same JSON fields.</summary>
public static class DomainsApi
{
    /// <summary>Most items per encode or decode request, and most samples per sample request.</summary>
    public const int MaxItems = 1000;

    /// <summary>Maps <c>/api/domains</c>.</summary>
    public static RouteGroupBuilder MapDomainsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/domains").WithTags("Domains");
        api.MapGet("/", ListDomains).WithSummary("Registered domains and whether each has a model");
        api.MapPost("/{domain}/encode", Encode).WithSummary("Latent means and log-variances of items");
        api.MapPost("/{domain}/decode", Decode).WithSummary("Items decoded from latent vectors");
        api.MapPost("/{domain}/interpolate", Interpolate).WithSummary("Decoded path between two items");
        api.MapPost("/{domain}/navigate", Navigate).WithSummary("Steer an item toward an objective");
        api.MapPost("/{domain}/sample", Sample).WithSummary("Items decoded from the prior");
        api.MapPost("/{domain}/sample-around", SampleAround).WithSummary("Items decoded around one item");
        api.AddEndpointFilter(ApiErrors.Filter);
        return api;
    }

    private static Ok<object[]> ListDomains(DomainRegistry registry, ModelHub hub) => TypedResults.Ok(registry.Modules.Select(m => (object)new
    {
        id = m.Id, name = m.DisplayName, description = m.Description, item_field = m.ItemField, has_model = hub.HasModel(m),
        properties = m.Properties.Definitions, attributes = m.Attributes,
    }).ToArray());

    private static async Task<Ok<object>> Encode(string domain, EncodeRequest request, ModelHub hub, CancellationToken ct)
    {
        ApiErrors.Require(request.Items is { Count: > 0 and <= MaxItems } && request.Items.All(i => !string.IsNullOrWhiteSpace(i)),
            $"items must hold 1 to {MaxItems} non-empty entries");
        var worker = hub.Get(domain);
        var codes = await worker.EncodeAsync(request.Items, ct);
        return TypedResults.Ok((object)new { items = request.Items.Zip(codes, (t, c) => new { item = t, mean = c.Mean, log_variance = c.LogVariance }) });
    }

    private static async Task<Ok<object>> Decode(string domain, DecodeRequest request, ModelHub hub, CancellationToken ct)
    {
        ApiErrors.Require(request.Latents is { Count: > 0 and <= MaxItems } && request.Latents.All(l => l is not null),
            $"latents must hold 1 to {MaxItems} vectors");
        var points = await hub.Get(domain).RunAsync(m => Describe(m, m.Decode(request.Latents)), ct);
        return TypedResults.Ok((object)new { points });
    }

    private static async Task<Ok<object>> Interpolate(string domain, InterpolateRequest request, ModelHub hub, CancellationToken ct)
    {
        ApiErrors.Require(!string.IsNullOrWhiteSpace(request.From) && !string.IsNullOrWhiteSpace(request.To), "from and to are required");
        var method = Interpolation.Named(request.Method);
        var decoding = DecodeOptions.Named(request.Decoding);
        var points = await hub.Get(domain).RunAsync(m => Describe(m, m.Interpolate(request.From, request.To, request.Steps, method, decoding, request.Smooth)), ct);
        return TypedResults.Ok((object)new { points });
    }

    private static async Task<Ok<object>> Navigate(string domain, NavigateRequest request, ModelHub hub, CancellationToken ct)
    {
        ApiErrors.Require(!string.IsNullOrWhiteSpace(request.From), "from is required");
        ApiErrors.Require(request.Steps is >= 1 and <= 200, "steps must be between 1 and 200");
        var terms = ObjectiveParser.Parse(request.Objective ?? "");
        var result = await hub.Get(domain).RunAsync(m =>
        {
            var r = m.Navigate(new NavigationRequest(request.From, terms, request.MinSimilarity, new AscentSettings(Steps: request.Steps), Math.Clamp(request.SamplesPerStep, 0, 32)));
            return new
            {
                objective = r.Objective, start = PointJson.Of(m.Module, r.Start),
                best = r.Best is null ? null : PointJson.Of(m.Module, r.Best),
                candidates = r.Candidates.Select(c => new { score = c.Score, similarity = c.Similarity, point = PointJson.Of(m.Module, c.Point) }).ToArray(),
                trajectory = Describe(m, r.Trajectory),
            };
        }, ct);
        return TypedResults.Ok((object)result);
    }

    private static async Task<Ok<object>> Sample(string domain, SampleRequest request, ModelHub hub, CancellationToken ct)
    {
        ApiErrors.Require(request.N is >= 1 and <= MaxItems, $"n must be between 1 and {MaxItems}");
        var points = await hub.Get(domain).RunAsync(m => Describe(m, m.Sample(request.N, request.Seed)), ct);
        return TypedResults.Ok((object)new { points });
    }

    private static async Task<Results<Ok<PointsResponse>, ProblemHttpResult>> SampleAround(string domain, SampleAroundRequest request, ModelHub hub, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Item)) return InvalidInput("item is required");
        if (request.N is < 1 or > MaxItems) return InvalidInput($"n must be between 1 and {MaxItems}");
        var decoding = DecodeOptions.Named(request.Decoding);
        var points = await hub.Get(domain).RunAsync(m => Describe(m, m.SampleAround(request.Item, request.N, request.Radius, request.Seed, decoding)), ct);
        return TypedResults.Ok(new PointsResponse(points));
    }

    private static ProblemHttpResult InvalidInput(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid input");

    private static Dictionary<string, object?>[] Describe(DomainModel model, IEnumerable<LatentPoint> points) =>
        points.Select(p => PointJson.Of(model.Module, p)).ToArray();
}
