using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LatentWorkbench.Web.Tests.Apis;

/// <summary>Library, sessions, models and audio endpoints over the toy domain.</summary>
public sealed class WorkbenchApiTests(ToyWebFactory factory) : IClassFixture<ToyWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Library_AddListExportRemove()
    {
        var added = await _client.PostAsJsonAsync("/api/library/toy", new { text = "BEAD", name = "bead", tags = new[] { "api" } });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await Json(added)).GetProperty("id").GetInt64();
        var again = await Json(await _client.PostAsJsonAsync("/api/library/toy", new { text = "BEAD", tags = new[] { "twice" } }));
        Assert.Equal(id, again.GetProperty("id").GetInt64());

        var found = await _client.GetFromJsonAsync<JsonElement>("/api/library/toy?q=bea");
        Assert.Contains(found.EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        Assert.Empty((await _client.GetFromJsonAsync<JsonElement>("/api/library/toy?q=zzz")).EnumerateArray());

        var csv = await _client.GetAsync("/api/library/toy/export");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("name,letters,valid,a_share,length", await csv.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/library/toy/{id}")).StatusCode);
        var gone = await _client.DeleteAsync($"/api/library/toy/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/library/toy", """{"text":"ABZ"}""", 400)]
    [InlineData("/api/library/toy", """{"name":"no text"}""", 400)]
    [InlineData("/api/library/nope", """{"text":"ABC"}""", 404)]
    [InlineData("/api/models/toy/active", """{"name":"missing"}""", 400)]
    public async Task BadInput_GetsAProblemDetailsError(string path, string json, int expected)
    {
        var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = path.EndsWith("/active") ? await _client.PutAsync(path, content) : await _client.PostAsync(path, content);
        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Library_InvalidItem_ProblemNamesThePosition()
    {
        var response = await _client.PostAsJsonAsync("/api/library/toy", new { text = "ABZ" });
        Assert.Equal(2, (await Json(response)).GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task Library_ImportAndPattern_AreRefusedForADomainWithoutThem()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent("ABC\n"u8.ToArray()), "file", "items.smi" } };
        var import = await _client.PostAsync("/api/library/toy/import", form);
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Contains("cannot be imported", (await Json(import)).GetProperty("detail").GetString());
        var search = await _client.GetAsync("/api/library/toy?pattern=AB");
        Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);
    }

    [Fact]
    public async Task Sessions_MissingOnes_AreNotFound()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/sessions/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/sessions/999999/export")).StatusCode);
    }

    [Fact]
    public async Task Models_ListTheToyCheckpointAsActive_AndItCanBeChosenAgain()
    {
        var models = await _client.GetFromJsonAsync<JsonElement>("/api/models/toy");
        var model = Assert.Single(models.EnumerateArray());
        Assert.True(model.GetProperty("active").GetBoolean());
        var name = model.GetProperty("name").GetString();
        var chosen = await _client.PutAsJsonAsync("/api/models/toy/active", new { name });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync("/api/domains/toy/sample", new { n = 2 })).StatusCode);
    }

    [Fact]
    public async Task Audio_ForADomainWithoutSound_IsABadRequest()
    {
        var response = await _client.GetAsync("/api/domains/toy/audio?item=ABC");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
