using System.Text.Json;

namespace LatentWorkbench.Web.Tests.Apis;

/// <summary>The OpenAPI document describes every response body, and every error as problem details.</summary>
public sealed class OpenApiDocumentTests(ToyWebFactory factory) : IClassFixture<ToyWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>Every operation of the document: its method, path and body.</summary>
    internal static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        select (operation.Name.ToUpperInvariant(), path.Name, operation.Value);

    /// <summary>The schema <paramref name="schema"/> refers to, or itself.</summary>
    internal static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    private async Task<JsonElement> Document() =>
        JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement;

    /// <summary>Why <paramref name="schema"/> says nothing about a body, or null when it describes one.</summary>
    private static string? Emptiness(JsonElement document, JsonElement schema)
    {
        schema = Resolve(document, schema);
        if (!schema.TryGetProperty("type", out var type)) return "no type";
        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
        if (types.Contains("array")) return schema.TryGetProperty("items", out var items) ? Emptiness(document, items) : "array without items";
        if (types.Contains("object") && !schema.TryGetProperty("properties", out _)) return "object without properties";
        return null;
    }

    [Fact]
    public async Task EverySuccessResponse_WithABody_HasASchemaThatDescribesIt()
    {
        var document = await Document();
        var problems = new List<string>();
        foreach (var (method, path, operation) in Operations(document))
        {
            var successes = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            if (successes.Count == 0) problems.Add($"{method} {path}: no success response");
            foreach (var response in successes.Where(r => r.Name != "204"))
            {
                if (!response.Value.TryGetProperty("content", out var content)) problems.Add($"{method} {path} {response.Name}: no content");
                else
                    foreach (var media in content.EnumerateObject())
                        if (Emptiness(document, media.Value.GetProperty("schema")) is { } why) problems.Add($"{method} {path} {response.Name} {media.Name}: {why}");
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task EveryOperation_ListsItsErrors_AsProblemDetails()
    {
        var document = await Document();
        var problems = new List<string>();
        foreach (var (method, path, operation) in Operations(document))
        {
            var errors = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5').ToList();
            if (!errors.Any(e => e.Name == "500")) problems.Add($"{method} {path}: no 500 problem");
            if (path.Contains("{domain}") && !errors.Any(e => e.Name == "404")) problems.Add($"{method} {path}: no 404 for an unknown domain");
            foreach (var error in errors)
            {
                var media = error.Value.TryGetProperty("content", out var content) ? content.EnumerateObject().Select(m => m.Name).ToList() : [];
                if (media is not ["application/problem+json"]) problems.Add($"{method} {path} {error.Name}: {string.Join(", ", media)}");
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task DecodedPoints_DocumentTheDomainsItemField_AndTheSimilarities()
    {
        var document = await Document();
        var point = document.GetProperty("components").GetProperty("schemas").GetProperty("PointResponse");
        Assert.Equal("string", point.GetProperty("properties").GetProperty("letters").GetProperty("type").GetString());
        Assert.Contains("similarity_to_", point.GetProperty("additionalProperties").GetProperty("description").GetString());
        Assert.DoesNotContain(point.GetProperty("required").EnumerateArray(), f => f.GetString() is "letters" or "error" or "attributes");
        Assert.Contains("number", point.GetProperty("properties").GetProperty("t").GetProperty("type").EnumerateArray().Select(t => t.GetString()));
    }
}
