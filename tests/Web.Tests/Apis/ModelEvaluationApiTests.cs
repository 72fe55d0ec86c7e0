using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Evaluation;
using LatentWorkbench.Web.Services;

namespace LatentWorkbench.Web.Tests.Apis;

/// <summary><c>POST /api/models/{domain}/evaluate</c> on the toy model, and the training settings' shared validator over REST.</summary>
public sealed class ModelEvaluationApiTests(ToyWebFactory factory) : IClassFixture<ToyWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Evaluate_ServedModel_ReturnsTheFiguresOfTheSharedEvaluation()
    {
        var response = await _client.PostAsJsonAsync("/api/models/toy/evaluate", new { data = "valid.txt", samples = 20, limit = 100, consistent = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var records = factory.Toy.Domain.Datasets.Read(factory.Toy.ValidFile, new DatasetOptions(Limit: 100)).ToList();
        var expected = ModelEvaluation.Run(factory.Toy.Model, records, new ModelEvaluationOptions(20, Consistent: true)).ToJson();
        Assert.Equal(expected.Keys, body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("toy", body.GetProperty("domain").GetString());
        Assert.Equal(100, body.GetProperty("items").GetInt32());
        Assert.Equal(20, body.GetProperty("samples").GetInt32());
        foreach (var key in new[] { "valid", "unique", "novelty", "recon_exact", "token_accuracy_teacher_forced", "kl" })
            Assert.Equal((double)expected[key]!, body.GetProperty(key).GetDouble(), tolerance: 1e-6); // the API rounds to 6 decimals
        Assert.True(body.GetProperty("recon_exact").GetDouble() > 0.9);
        Assert.True(body.GetProperty("consistent").GetProperty("recon_exact").GetDouble() >= body.GetProperty("recon_exact").GetDouble() - 0.05);
    }

    [Fact]
    public async Task EvaluationDataSets_ListTheBundledSamplesAndTheDataFolders()
    {
        var names = await _client.GetFromJsonAsync<string[]>("/api/models/toy/evaluate/datasets");
        Assert.NotNull(names);
        Assert.Equal(ModelEvaluations.BundledSamples, names[0]);
        Assert.Contains("valid.txt", names);
    }

    [Theory]
    [InlineData("""{"data":"no-such.txt"}""", 400, "no data set 'no-such.txt'")]
    [InlineData("""{"data":"/etc/passwd"}""", 400, "outside the data folders")]
    [InlineData("""{"data":"empty.txt"}""", 400, "'empty.txt' holds no Toy letters items")]
    [InlineData("""{"data":"valid.txt","limit":0}""", 400, "item limit must be between 1 and 20000 (got 0)")]
    [InlineData("""{"data":"valid.txt","limit":1000000}""", 400, "item limit must be between 1 and 20000 (got 1000000)")]
    [InlineData("""{"data":"valid.txt","samples":-1}""", 400, "sample count must be between 0 and 10000 (got -1)")]
    [InlineData("""{"data":"valid.txt","model":"nope"}""", 400, "no checkpoint named 'nope'")]
    [InlineData("""{"model":"model"}""", 400, "lacks required fields: 'data'")]
    [InlineData("""{"data":""}""", 400, "data is required")]
    public async Task Evaluate_BadInput_IsAProblemSayingWhatIsWrong(string body, int status, string expected)
    {
        File.WriteAllText(Path.Combine(factory.Toy.Folder, "empty.txt"), "");
        var response = await _client.PostAsync("/api/models/toy/evaluate", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Contains(expected, detail);
    }

    [Fact]
    public async Task Evaluate_UnknownDomain_IsNotFound()
    {
        var response = await _client.PostAsJsonAsync("/api/models/nope/evaluate", new { data = "valid.txt" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StartJob_SettingsOutOfRange_ReportTheSharedValidatorsMessage()
    {
        var response = await _client.PostAsJsonAsync("/api/training/jobs", new { domain = "toy", name = "too-long", data = "train.txt", epochs = 5000, kl_weight = 11.0 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Equal("Epochs must be between 1 and 1000 (got 5000). The KL weight must be between 0 and 10 (got 11).", detail);
    }
}
