using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LatentWorkbench.Web.Tests.Apis;

public sealed class SampleAroundApiTests(ToyWebFactory factory) : IClassFixture<ToyWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task SampleAround_ReturnsPointsComparedWithTheItem()
    {
        var response = await _client.PostAsJsonAsync("/api/domains/toy/sample-around", new { item = "ABCA", n = 5, radius = 0.8, decoding = "beam" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var points = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("points");
        Assert.Equal(5, points.GetArrayLength());
        Assert.All(points.EnumerateArray().Where(p => p.GetProperty("valid").GetBoolean()),
            p => Assert.InRange(p.GetProperty("similarity_to_start").GetDouble(), 0, 1));
        var still = await _client.PostAsJsonAsync("/api/domains/toy/sample-around", new { item = "ABCA", n = 3, radius = 0 });
        var texts = (await still.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("points").EnumerateArray().Select(p => p.GetProperty("letters").GetString());
        Assert.Single(texts.Distinct());
    }

    [Theory]
    [InlineData("""{"item":"ABZ"}""", 400, "position")]
    [InlineData("""{"n":3}""", 400, "lacks required fields: 'item'")]
    [InlineData("""{"item":"ABC","n":0}""", 400, "n must be between")]
    [InlineData("""{"item":"ABC","radius":-1}""", 400, "Radius")]
    [InlineData("""{"item":"ABC","decoding":"psychic"}""", 400, "greedy, beam, sample, consistent")]
    public async Task SampleAround_BadInput_GetsAProblemDetailsError(string json, int expected, string detail)
    {
        var response = await _client.PostAsync("/api/domains/toy/sample-around", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SampleAround_UnknownDomain_IsNotFound()
    {
        var response = await _client.PostAsJsonAsync("/api/domains/nope/sample-around", new { item = "ABC" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
