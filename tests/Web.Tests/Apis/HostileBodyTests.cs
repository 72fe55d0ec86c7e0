using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;

namespace LatentWorkbench.Web.Tests.Apis;

/// <summary>
/// Every POST and PUT operation of the OpenAPI document, sent bodies that do not fit (empty, wrong types, malformed,
/// huge numbers, missing fields), answers a 4xx problem, never a 500.
/// </summary>
public sealed class HostileBodyTests(ToyWebFactory factory) : IClassFixture<ToyWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>A fitting body per JSON operation (path as in the document); each test breaks one thing in it.</summary>
    private static readonly Dictionary<string, string> FittingBodies = new()
    {
        ["/api/domains/{domain}/encode"] = """{"items":["ABC"]}""",
        ["/api/domains/{domain}/decode"] = """{"latents":[[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]]}""",
        ["/api/domains/{domain}/interpolate"] = """{"from":"ABCA","to":"HEHD","steps":3,"method":"lerp","decoding":"greedy","smooth":false}""",
        ["/api/domains/{domain}/navigate"] = """{"from":"BCDE","objective":"a_share:max","min_similarity":0,"steps":2,"samples_per_step":1}""",
        ["/api/domains/{domain}/sample"] = """{"n":2,"seed":3}""",
        ["/api/domains/{domain}/sample-around"] = """{"item":"ABCA","n":2,"radius":0.5,"seed":3,"decoding":"greedy"}""",
        ["/api/domains/{domain}/move"] = """{"from":"ABCA","attribute":"a_share","amount":1.5,"steps":3}""",
        ["/api/models/{domain}/evaluate"] = """{"data":"valid.txt","samples":2,"limit":5,"consistent":false}""",
        ["/api/library/{domain}"] = """{"text":"ABC","name":"x","tags":["t"]}""",
        ["/api/models/{domain}/active"] = """{"name":"model"}""",
        ["/api/library/{domain}/{id}/shared"] = """{"shared":true}""",
        ["/api/training/jobs"] = """{"domain":"toy","name":"hostile","data":"train.txt","valid":"valid.txt","epochs":1,"limit":10,"kl_weight":0.5}""",
    };

    private static readonly string[] WholeBodies = ["[]", "null", "\"text\"", "7", """{"items":""", "not json", """{"a":1}}"""];

    private static readonly string[] FieldValues = ["""{"x":1}""", "1e400", "-1e400", "99999999999999999999", "[[[]]]"];

    /// <summary>Hostile values by the kind of field they go in: strings of a million characters, NaN and infinities (which
    /// the JSON settings would read from strings), and arrays of a million elements.</summary>
    private static readonly Dictionary<JsonValueKind, string[]> HostileValues = new()
    {
        [JsonValueKind.String] = [JsonSerializer.Serialize(new string('A', 1_000_000))],
        [JsonValueKind.Number] = ["\"NaN\"", "\"Infinity\"", "\"-Infinity\""],
        [JsonValueKind.Array] = ["[" + string.Join(",", Enumerable.Repeat("0", 1_000_000)) + "]"],
    };

    /// <summary>Longest a rejected request may take.</summary>
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(5);

    private async Task<JsonElement> Document() =>
        JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement;

    private async Task<string?> Misbehaviour(string method, string path, string body)
    {
        var url = path.Replace("{domain}", "toy").Replace("{id}", "999999");
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await _client.SendAsync(request);
        var status = (int)response.StatusCode;
        var media = response.Content.Headers.ContentType?.MediaType;
        var shown = body.Length > 200 ? body[..200] + "..." : body;
        if (clock.Elapsed > AnswerWithin) return $"{method} {path} {shown}: answered after {clock.Elapsed.TotalSeconds:0.0} s";
        return status is >= 400 and < 500 && media == "application/problem+json" ? null : $"{method} {path} {shown}: {status} {media}";
    }

    /// <summary>The POST and PUT operations, each with whether its JSON body has required fields.</summary>
    private async Task<List<(string Method, string Path, bool HasRequired)>> Writes()
    {
        var document = await Document();
        var writes = OpenApiDocumentTests.Operations(document).Where(o => o.Method is "POST" or "PUT").Select(o =>
        {
            var required = o.Operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
                && OpenApiDocumentTests.Resolve(document, json.GetProperty("schema")).TryGetProperty("required", out var fields) && fields.GetArrayLength() > 0;
            return (o.Method, o.Path, required);
        }).ToList();
        Assert.Contains(writes, w => w is ("POST", "/api/training/jobs", true));
        Assert.Contains(writes, w => w is ("POST", "/api/domains/{domain}/sample", false));
        return writes;
    }

    [Fact]
    public async Task EveryJsonOperation_HasAFittingBodyInThisTest()
    {
        var document = await Document();
        var json = OpenApiDocumentTests.Operations(document).Where(o => o.Operation.TryGetProperty("requestBody", out var body)
            && body.GetProperty("content").TryGetProperty("application/json", out _)).Select(o => o.Path);
        Assert.DoesNotContain(json, p => !FittingBodies.ContainsKey(p));
    }

    [Fact]
    public async Task WholeBodiesThatDoNotFit_AreProblems()
    {
        var problems = new List<string>();
        foreach (var (method, path, hasRequired) in await Writes())
            foreach (var body in hasRequired ? WholeBodies.Append("{}") : WholeBodies)
                if (await Misbehaviour(method, path, body) is { } problem) problems.Add(problem);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task EachFieldWithAWrongTypeOrHugeNumber_OrMissing_IsAProblem()
    {
        var problems = new List<string>();
        var document = await Document();
        foreach (var (method, path, _) in await Writes())
        {
            if (!FittingBodies.TryGetValue(path, out var fitting)) continue;
            var schema = OpenApiDocumentTests.Operations(document).First(o => o.Path == path && o.Method == method).Operation
                .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            var required = OpenApiDocumentTests.Resolve(document, schema).TryGetProperty("required", out var r) ? r.EnumerateArray().Select(f => f.GetString()!).ToHashSet() : [];
            foreach (var field in JsonNode.Parse(fitting)!.AsObject().Select(f => f.Key))
            {
                var bodies = FieldValues.Select(v => Replace(fitting, field, v)).ToList();
                if (required.Contains(field)) bodies.Add(Replace(fitting, field, null));
                foreach (var body in bodies)
                    if (await Misbehaviour(method, path, body) is { } problem) problems.Add(problem);
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task HostileValuesInEveryField_AndDeepNesting_AreProblemsWithin5Seconds_AndChangeNoData()
    {
        var before = await DataSnapshot();
        var problems = new List<string>();
        foreach (var (method, path, _) in await Writes())
        {
            if (!FittingBodies.TryGetValue(path, out var fitting)) continue;
            foreach (var (field, value) in JsonNode.Parse(fitting)!.AsObject())
            {
                var kind = value is null ? JsonValueKind.Null : JsonSerializer.SerializeToElement(value).ValueKind;
                foreach (var hostile in HostileValues.GetValueOrDefault(kind, []))
                    if (await Misbehaviour(method, path, Replace(fitting, field, hostile)) is { } problem) problems.Add(problem);
            }
            var deep = new string('[', 10_000) + new string(']', 10_000);
            if (await Misbehaviour(method, path, deep) is { } nested) problems.Add(nested);
        }
        Assert.Empty(problems);
        Assert.Equal(before, await DataSnapshot());
    }

    [Theory]
    [InlineData("POST", "/api/training/jobs", """{"domain":"toy","name":"../../escape","data":"train.txt"}""")]
    [InlineData("POST", "/api/training/jobs", """{"domain":"toy","name":"ok","data":"../../../../etc/passwd"}""")]
    [InlineData("POST", "/api/training/jobs", """{"domain":"toy","name":"ok","data":"/etc/passwd"}""")]
    [InlineData("PUT", "/api/models/{domain}/active", """{"name":"../../../../etc"}""")]
    [InlineData("POST", "/api/models/{domain}/evaluate", """{"data":"../../../../etc/passwd"}""")]
    [InlineData("POST", "/api/models/{domain}/evaluate", """{"data":"valid.txt","model":"../../../../etc"}""")]
    public async Task PathTraversal_IsAProblem(string method, string path, string body) =>
        Assert.Null(await Misbehaviour(method, path, body));

    [Fact]
    public async Task UploadedFileNamesThatClimbOut_StayInsideTheDataFolder()
    {
        using var form = new MultipartFormDataContent { { new StringContent("ABC\nABD\n"), "file", "../../../escaped.txt" } };
        using var response = await _client.PostAsync("/api/training/datasets", form);
        if (response.IsSuccessStatusCode)
        {
            var saved = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("path").GetString()!;
            Assert.StartsWith(Path.GetFullPath(factory.Toy.Folder), Path.GetFullPath(saved), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(factory.Toy.Folder, "..", "..", "..", "escaped.txt"))));
    }

    [Fact]
    public async Task SessionExportWithAClimbingFormat_IsAProblem()
    {
        using var response = await _client.GetAsync("/api/sessions/1/export?format=../../x");
        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    /// <summary>What the stores hold that a rejected write must not change: library, sessions, jobs, models.</summary>
    private async Task<string> DataSnapshot() => string.Join("\n",
        await _client.GetStringAsync("/api/library/toy"), await _client.GetStringAsync("/api/sessions"),
        await _client.GetStringAsync("/api/training/jobs"), await _client.GetStringAsync("/api/models/toy"));

    [Fact]
    public async Task LatentsWithHugeNumbers_AreAProblem()
    {
        var huge = "[" + string.Join(",", Enumerable.Repeat("1e400", 16)) + "]";
        Assert.Null(await Misbehaviour("POST", "/api/domains/{domain}/decode", $$"""{"latents":[{{huge}}]}"""));
    }

    [Fact]
    public async Task InProduction_ABodyThatDoesNotFit_IsAProblemThatSaysWhere_WithoutInternals()
    {
        await using var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var response = await production.CreateClient().PostAsync("/api/domains/toy/encode",
            new StringContent("""{"items":5}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("$.items", problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("exception", out _));
    }

    [Theory]
    [InlineData("/api/domains/nope/sample")]
    [InlineData("/api/library/nope")]
    [InlineData("/api/library/nope/export")]
    [InlineData("/api/models/nope")]
    [InlineData("/api/domains/nope/audio?item=ABC")]
    public async Task UnknownDomains_AreNotFoundProblems(string path)
    {
        using var response = path.EndsWith("/sample") ? await _client.PostAsync(path, new StringContent("{}", System.Text.Encoding.UTF8, "application/json")) : await _client.GetAsync(path);
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary><paramref name="json"/> with <paramref name="field"/> set to the raw JSON <paramref name="value"/>, or left out when null.</summary>
    private static string Replace(string json, string field, string? value)
    {
        var fields = JsonNode.Parse(json)!.AsObject().Select(f => (f.Key, Raw: f.Value!.ToJsonString()))
            .Where(f => f.Key != field || value is not null).Select(f => $"\"{f.Key}\":{(f.Key == field ? value : f.Raw)}");
        return "{" + string.Join(",", fields) + "}";
    }
}
