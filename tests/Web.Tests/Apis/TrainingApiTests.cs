using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Web.Services.Training;
using LatentWorkbench.Storage;
using LatentWorkbench.Web.Tests.Services;
using Microsoft.Extensions.DependencyInjection;

namespace LatentWorkbench.Web.Tests.Apis;

/// <summary>Background training over REST on the toy domain: data sets, uploads, jobs, cancel/resume and bad input.</summary>
public sealed class TrainingApiTests(ToyWebFactory factory) : IClassFixture<ToyWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The job's API body once the runner reports it <paramref name="status"/>.</summary>
    private async Task<JsonElement> WaitForStatus(long id, TrainingJobStatus status)
    {
        await factory.Services.GetRequiredService<TrainingJobRunner>().WaitForAsync(id, j => j.Status == status);
        return await _client.GetFromJsonAsync<JsonElement>($"/api/training/jobs/{id}");
    }

    [Fact]
    public async Task Upload_ThenTrain_RunsAJobToCompletion_AndTheModelIsListed()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', ToyDomain.Generate(800, seed: 21))));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "files", "letters.txt");
        var uploaded = await _client.PostAsync("/api/training/datasets", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var path = (await Json(uploaded)).GetProperty("path").GetString()!;
        var sets = await _client.GetFromJsonAsync<JsonElement>("/api/training/datasets");
        Assert.Contains(sets.EnumerateArray(), s => s.GetProperty("path").GetString() == path);

        var started = await _client.PostAsJsonAsync("/api/training/jobs", new { domain = "toy", name = "api-model", data = path, epochs = 2 });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await Json(started)).GetProperty("id").GetInt64();
        Assert.Equal($"/api/training/jobs/{id}", started.Headers.Location?.OriginalString);

        var done = await WaitForStatus(id, TrainingJobStatus.Completed);
        Assert.Equal("completed", done.GetProperty("job").GetProperty("status").GetString());
        Assert.Equal(1.0, done.GetProperty("job").GetProperty("fraction").GetDouble());
        var points = done.GetProperty("points").EnumerateArray().ToList();
        Assert.Contains(points, p => p.GetProperty("valid_token_accuracy").ValueKind == JsonValueKind.Number);
        var models = await _client.GetFromJsonAsync<JsonElement>("/api/models/toy");
        Assert.Contains(models.EnumerateArray(), m => m.GetProperty("name").GetString() == "api-model");
        Assert.Contains((await _client.GetFromJsonAsync<JsonElement>("/api/training/jobs?domain=toy")).EnumerateArray(), j => j.GetProperty("id").GetInt64() == id);

        Assert.Equal(HttpStatusCode.Conflict, (await _client.PostAsync($"/api/training/jobs/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _client.PostAsync($"/api/training/jobs/{id}/resume", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/training/jobs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/training/jobs/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"domain":"toy","name":"x","data":"/etc/passwd"}""", 400)]
    [InlineData("""{"domain":"toy","name":"../x","data":"train.txt"}""", 400)]
    [InlineData("""{"domain":"toy","name":"x","data":"train.txt","epochs":0}""", 400)]
    [InlineData("""{"domain":"nope","name":"x","data":"train.txt"}""", 404)]
    [InlineData("""{"domain":"toy","name":"x"}""", 400)]
    [InlineData("""not json""", 400)]
    public async Task BadJobRequests_AreProblems(string body, int status)
    {
        var response = await _client.PostAsync("/api/training/jobs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Uploads_LargerThanTheApiLimit_AreAccepted_UpToTheirOwnLimit()
    {
        // 5 MiB: over the 4 MiB limit of the other endpoints, under the 128 MiB default for data sets.
        using var form = new MultipartFormDataContent();
        var line = System.Text.Encoding.UTF8.GetBytes("ABCDEFGH\n");
        var big = new byte[5 * 1024 * 1024];
        for (int i = 0; i < big.Length; i++) big[i] = line[i % line.Length];
        form.Add(new ByteArrayContent(big), "files", "big.txt");
        var response = await _client.PostAsync("/api/training/datasets", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(big.Length, new FileInfo((await Json(response)).GetProperty("path").GetString()!).Length);
    }

    [Fact]
    public async Task UnknownJobs_AndEmptyUploads_AreProblems()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/api/training/jobs/999999/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/api/training/jobs/999999/resume", null)).StatusCode);
        var empty = await _client.PostAsync("/api/training/datasets", new MultipartFormDataContent { { new StringContent("x"), "note" } });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var notForm = await _client.PostAsync("/api/training/datasets", new StringContent("abc"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notForm.StatusCode);
    }
}
