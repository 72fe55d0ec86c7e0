using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Tests;
using LatentWorkbench.Web.Tests.Faults;

namespace LatentWorkbench.Web.Tests.Cluster;

/// <summary>
/// Two real app processes on different ports sharing one PostgreSQL database (the test run's private cluster) and one
/// models folder, as a lab runs them behind a proxy: what one writes the other reads, a cookie from one signs in on the
/// other, a job runs once, an activated model is followed, and a killed worker's job is finished by the other.
/// </summary>
public sealed partial class TwoInstanceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-cluster-").FullName;

    private static string? SkipReason => AppProcess.SkipReason ?? PostgresCluster.Instance.Unavailable;

    private Dictionary<string, string> Settings(string connectionString) => new()
    {
        ["Storage:Provider"] = "postgres",
        ["Storage:ConnectionString"] = connectionString,
        ["Storage:FollowSeconds"] = "0.5",
        ["Training:DataRoots"] = Path.Combine(_folder, "data"),
        ["Training:ModelsFolder"] = Path.Combine(_folder, "models"),
        ["Training:LeaseSeconds"] = "3",
        ["Training:PollSeconds"] = "0.5",
        ["Device"] = "cpu",
    };

    private static async Task<(AppProcess A, AppProcess B)> StartPairAsync(Dictionary<string, string> settings)
    {
        // Started together, as a deployment does: both migrate the empty database at once.
        var a = AppProcess.StartAsync(settings);
        var b = AppProcess.StartAsync(settings);
        return (await a, await b);
    }

    [SkippableFact]
    public async Task WhatOneInstanceWrites_TheOtherReads_AndItsSignInCookieWorksThere()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var settings = Settings(PostgresCluster.Instance.CreateDatabase());
        settings["Auth:Enabled"] = "true";
        settings["Auth:AdminUserName"] = "lab";
        settings["Auth:AdminPassword"] = "a long test password";
        var (a, b) = await StartPairAsync(settings);
        await using (a)
        await using (b)
        {
            var cookies = new CookieContainer(); // cookies ignore ports: one jar for both instances on 127.0.0.1, as one browser
            using var onA = Browser(a, cookies);
            using var onB = Browser(b, cookies);
            var page = await onA.GetStringAsync("/account/login");
            var signIn = await onA.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value),
                ["userName"] = "lab", ["password"] = "a long test password", ["returnUrl"] = "/",
            }));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            // B decrypts the cookie A issued with the keys both read from the database.
            var me = await onB.GetFromJsonAsync<JsonElement>("/api/account");
            Assert.Equal("lab", me.GetProperty("name").GetString());

            var added = await onA.PostAsJsonAsync("/api/library/molecules", new { text = "CC(=O)Oc1ccccc1C(=O)O", name = "aspirin", shared = true });
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
            var items = await onB.GetFromJsonAsync<JsonElement>("/api/library/molecules");
            Assert.Contains(items.EnumerateArray(), i => i.GetProperty("name").GetString() == "aspirin");

            var saved = await onB.PostAsJsonAsync("/api/domains/molecules/interpolate", new { from = "CCO", to = "c1ccccc1O", steps = 4, save = true });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
            Assert.Equal(1, (await onA.GetFromJsonAsync<JsonElement>("/api/sessions")).GetArrayLength());
        }
    }

    [SkippableFact]
    public async Task AJobSubmittedOnOneInstance_RunsOnce_AndTheModelActivatedThereIsServedByTheOther()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var (a, b) = await StartPairAsync(Settings(PostgresCluster.Instance.CreateDatabase()));
        await using (a)
        await using (b)
        {
            var (id, output) = await SubmitAsync(a, "once", epochs: 2, items: 2000);
            var job = await EndedAsync(a, id, "the job ending");
            Assert.Equal("completed", job.GetProperty("status").GetString());
            Assert.Equal(0, job.GetProperty("takeovers").GetInt32());
            AssertOneRun(await PointsAsync(b, id), output);

            var activated = await a.Client.PutAsJsonAsync("api/models/molecules/active", new { name = "once" });
            Assert.True(activated.IsSuccessStatusCode, await activated.Content.ReadAsStringAsync());
            // B follows the choice within its follow interval.
            await b.WaitForAsync(async () =>
            {
                var models = await b.Client.GetFromJsonAsync<JsonElement>("api/models/molecules");
                return models[0].GetProperty("name").GetString() == "once" && models[0].GetProperty("active").GetBoolean() ? "" : null;
            }, TimeSpan.FromSeconds(20), "instance B serving the model activated on A");
            var encoded = await b.Client.PostAsJsonAsync("api/domains/molecules/encode", new { items = new[] { "CCO" } });
            Assert.True(encoded.IsSuccessStatusCode, await encoded.Content.ReadAsStringAsync());
        }
    }

    [SkippableFact]
    public async Task KillingTheInstanceThatTrains_LetsTheOtherFinishTheJob_FromItsCheckpoint()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var (a, b) = await StartPairAsync(Settings(PostgresCluster.Instance.CreateDatabase()));
        await using (a)
        await using (b)
        {
            var (id, output) = await SubmitAsync(a, "survivor", epochs: 4, items: 1000);
            await a.WaitForAsync(() => Task.FromResult(CheckpointStore.Exists(output) && CheckpointStore.ReadManifest(output).State.EpochsDone >= 1 ? "" : null),
                TimeSpan.FromMinutes(5), "the first checkpoint");
            var holder = (await JobAsync(a, id)).GetProperty("worker").GetString()!;
            var (trainer, other) = holder.Contains($"/{a.ProcessId}/", StringComparison.Ordinal) ? (a, b) : (b, a);
            Assert.Contains($"/{trainer.ProcessId}/", holder);
            trainer.Kill();
            var killedAt = CheckpointStore.ReadManifest(output).State.Step;
            Assert.True(CheckpointStore.ReadManifest(output).State.EpochsDone < 4, "the job finished before it could be killed");

            var job = await EndedAsync(other, id, "the other instance finishing the job");
            Assert.Equal("completed", job.GetProperty("status").GetString());
            Assert.Equal(1, job.GetProperty("takeovers").GetInt32());
            var done = CheckpointStore.ReadManifest(output);
            Assert.Equal(4, done.State.EpochsDone);
            Assert.True(done.State.Step > killedAt);
            AssertOneRun(await PointsAsync(other, id), output);
            Assert.Single((await other.Client.GetFromJsonAsync<JsonElement>("api/training/jobs")).EnumerateArray());
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static HttpClient Browser(AppProcess app, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

    private static async Task<(long Id, string Output)> SubmitAsync(AppProcess app, string name, int epochs, int items)
    {
        using var form = new MultipartFormDataContent { { new StringContent(string.Join('\n', KillTests.Molecules(items))), "file", $"{name}.smi" } };
        var upload = await (await app.Client.PostAsync("api/training/datasets", form)).Content.ReadFromJsonAsync<JsonElement>();
        var started = await app.Client.PostAsJsonAsync("api/training/jobs",
            new { domain = "molecules", name, data = upload.GetProperty("name").GetString(), epochs });
        var job = await started.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(started.IsSuccessStatusCode, job.ToString());
        return (job.GetProperty("id").GetInt64(), job.GetProperty("output").GetString()!);
    }

    private static async Task<JsonElement> JobAsync(AppProcess app, long id) =>
        (await app.Client.GetFromJsonAsync<JsonElement>($"api/training/jobs/{id}")).GetProperty("job");

    /// <summary>The job once it completed or failed (as <paramref name="app"/> reports it).</summary>
    private static async Task<JsonElement> EndedAsync(AppProcess app, long id, string what)
    {
        var text = await app.WaitForAsync(async () => await JobAsync(app, id) is var job && job.GetProperty("status").GetString() is "completed" or "failed"
            ? job.GetRawText() : null, TimeSpan.FromMinutes(6), what);
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<JsonElement> PointsAsync(AppProcess app, long id) =>
        (await app.Client.GetFromJsonAsync<JsonElement>($"api/training/jobs/{id}")).GetProperty("points");

    /// <summary>One model folder, whole, and one chart point per step: the job's work was done (or redone from a checkpoint) once.</summary>
    private static void AssertOneRun(JsonElement points, string output)
    {
        var steps = points.EnumerateArray().Where(p => p.GetProperty("valid_token_accuracy").ValueKind == JsonValueKind.Null)
            .Select(p => p.GetProperty("step").GetInt64()).ToList();
        Assert.NotEmpty(steps);
        Assert.Equal(steps.Count, steps.Distinct().Count());
        Assert.Single(Directory.GetDirectories(Path.GetDirectoryName(output)!));
        Assert.Empty(Directory.GetFiles(output, "*.tmp", SearchOption.AllDirectories));
        Assert.True(CheckpointStore.ReadManifest(output).State.Completed);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
