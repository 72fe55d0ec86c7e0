using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LatentWorkbench.Web.Tests.Apis;

public sealed class DomainsApiTests(ToyWebFactory factory) : IClassFixture<ToyWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(string path, object body)
    {
        var response = await _client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement : default);
    }

    [Fact]
    public async Task GetDomains_ListsTheToyDomainWithItsModel()
    {
        var domains = await _client.GetFromJsonAsync<JsonElement>("/api/domains");
        Assert.Equal("toy", domains[0].GetProperty("id").GetString());
        Assert.True(domains[0].GetProperty("has_model").GetBoolean());
    }

    [Fact]
    public async Task Interpolate_ReturnsEveryPointWithTheCliFields()
    {
        var (status, body) = await Post("/api/domains/toy/interpolate", new { from = "ABCA", to = "HEHD", steps = 6, method = "lerp" });
        Assert.Equal(HttpStatusCode.OK, status);
        var points = body.GetProperty("points");
        Assert.Equal(6, points.GetArrayLength());
        foreach (var key in new[] { "t", "letters", "valid", "novel", "properties", "similarity_to_from", "similarity_to_to", "ood_score" })
            Assert.True(points[0].TryGetProperty(key, out _), key);

        foreach (var decoding in new[] { "beam", "sample", "consistent" })
        {
            var (decodedStatus, decoded) = await Post("/api/domains/toy/interpolate", new { from = "ABCA", to = "HEHD", steps = 4, decoding });
            Assert.Equal(HttpStatusCode.OK, decodedStatus);
            Assert.Equal(4, decoded.GetProperty("points").GetArrayLength());
        }
        var (smoothStatus, smooth) = await Post("/api/domains/toy/interpolate", new { from = "ABCA", to = "HEHD", steps = 6, smooth = true });
        Assert.Equal(HttpStatusCode.OK, smoothStatus);
        Assert.Equal(6, smooth.GetProperty("points").GetArrayLength());
    }

    [Fact]
    public async Task EncodeDecodeSampleNavigate_Succeed()
    {
        var (encodeStatus, encoded) = await Post("/api/domains/toy/encode", new { items = new[] { "ABC" } });
        Assert.Equal(HttpStatusCode.OK, encodeStatus);
        var mean = encoded.GetProperty("items")[0].GetProperty("mean").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        var (decodeStatus, decoded) = await Post("/api/domains/toy/decode", new { latents = new[] { mean } });
        Assert.Equal(HttpStatusCode.OK, decodeStatus);
        Assert.Single(decoded.GetProperty("points").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await Post("/api/domains/toy/sample", new { n = 5 })).Status);
        var (navStatus, nav) = await Post("/api/domains/toy/navigate", new { from = "BCDE", objective = "a_share:max" });
        Assert.Equal(HttpStatusCode.OK, navStatus);
        Assert.True(nav.TryGetProperty("candidates", out _));
    }

    [Theory]
    [InlineData("/api/domains/toy/interpolate", """{"from":"ABZ","to":"ABC","steps":5}""", 400)]
    [InlineData("/api/domains/toy/interpolate", """{"from":"ABC","to":"ABD","steps":1}""", 400)]
    [InlineData("/api/domains/toy/interpolate", """{"from":"ABC","to":"ABD","method":"cubic"}""", 400)]
    [InlineData("/api/domains/toy/interpolate", """{"from":"ABC","to":"ABD","decoding":"psychic"}""", 400)]
    [InlineData("/api/domains/toy/interpolate", """{"to":"ABD"}""", 400)]
    [InlineData("/api/domains/toy/interpolate", """not json""", 400)]
    [InlineData("/api/domains/nope/interpolate", """{"from":"ABC","to":"ABD"}""", 404)]
    [InlineData("/api/domains/toy/sample", """{"n":0}""", 400)]
    [InlineData("/api/domains/toy/navigate", """{"from":"ABC","objective":"nothing:max"}""", 400)]
    [InlineData("/api/domains/toy/navigate", """{"from":"ABC","objective":"a_share:up"}""", 400)]
    [InlineData("/api/domains/toy/decode", """{"latents":[[1,2]]}""", 400)]
    public async Task BadInput_GetsAProblemDetailsError(string path, string json, int expected)
    {
        var response = await _client.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BadItem_ProblemNamesThePosition()
    {
        var (status, body) = await Post("/api/domains/toy/interpolate", new { from = "ABZ", to = "ABC", steps = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(2, body.GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task OversizedBody_IsRefused()
    {
        var huge = new string('A', 5 * 1024 * 1024);
        var response = await _client.PostAsync("/api/domains/toy/encode", new StringContent($$"""{"items":["{{huge}}"]}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        var document = await _client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/domains/{domain}/interpolate", document);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/reference")).StatusCode);
    }
}
