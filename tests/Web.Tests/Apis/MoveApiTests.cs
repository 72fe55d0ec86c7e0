using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LatentWorkbench.Web.Tests.Apis;

/// <summary><c>POST /api/domains/{domain}/move</c>: the CLI's <c>navigate --attribute</c> over REST.</summary>
public sealed class MoveApiTests(ToyWebFactory factory) : IClassFixture<ToyWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Move_GivesTheWalkTheCliGives_FromTheItem()
    {
        var response = await _client.PostAsJsonAsync("/api/domains/toy/move", new { from = "ABCB", attribute = "a_share", amount = 2.0, steps = 4 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var points = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal([0, 0.25, 0.5, 0.75, 1], points.Select(p => p.GetProperty("t").GetDouble()));
        // The same walk as the command line's navigate --attribute computes in-process (greedy decoding is deterministic).
        using var model = LatentWorkbench.Core.Workbench.DomainModel.Load(factory.Toy.Domain, factory.Toy.ModelFolder, "cpu");
        var expected = model.MoveAlong("ABCB", "a_share", 2.0, 4);
        Assert.Equal(expected.Select(p => p.Text), points.Select(p => p.GetProperty("letters").GetString()));
        Assert.Equal(expected.Select(p => p.Valid), points.Select(p => p.GetProperty("valid").GetBoolean()));
        // No amount, no move: every point is the first.
        var still = await _client.PostAsJsonAsync("/api/domains/toy/move", new { from = "ABCB", attribute = "a_share", amount = 0.0, steps = 3 });
        Assert.Single((await still.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("points").EnumerateArray().Select(p => p.GetProperty("letters").GetString()).Distinct());
    }

    [Theory]
    [InlineData("""{"from":"ABC","attribute":"loudness"}""", "has no attribute vector 'loudness'; it has: a_share")]
    [InlineData("""{"from":"ABC","attribute":"a_share","amount":11}""", "amount must be between -10 and 10")]
    [InlineData("""{"from":"ABC","attribute":"a_share","steps":0}""", "Steps must be between 1 and 100")]
    [InlineData("""{"from":"ABZ","attribute":"a_share"}""", "position")]
    [InlineData("""{"attribute":"a_share"}""", "lacks required fields: 'from'")]
    public async Task Move_BadInput_GetsAProblemThatSaysWhat(string json, string detail)
    {
        var response = await _client.PostAsync("/api/domains/toy/move", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync());
    }
}
