using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Latent;

namespace LatentWorkbench.Web.Tests.Faults;

/// <summary>
/// The server killed with SIGKILL (a real child process, no shutdown code) during a training job, a library import
/// and session saves, then started again on the same database and folders: nothing committed is lost and nothing is
/// half there.
/// </summary>
public sealed class KillTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-kill-").FullName;

    private Dictionary<string, string> Settings => new()
    {
        ["Storage:Database"] = Path.Combine(_folder, "workbench.db"),
        ["Training:DataRoots"] = Path.Combine(_folder, "data"),
        ["Training:ModelsFolder"] = Path.Combine(_folder, "models"),
        ["Device"] = "cpu",
        // A short lease, so that the restarted server takes the killed worker's job over within seconds.
        ["Training:LeaseSeconds"] = "3",
        ["Training:PollSeconds"] = "0.5",
    };

    /// <summary>Molecules written for these tests: chains, rings and substituted benzenes, <paramref name="count"/> lines "SMILES name".</summary>
    internal static IEnumerable<string> Molecules(int count)
    {
        string[] heads = ["C", "CC", "CCC", "CC(C)", "c1ccccc1", "C1CCCCC1", "c1ccncc1", "OCC", "NCC", "ClC"];
        string[] tails = ["O", "N", "C(=O)O", "C(=O)N", "Cl", "F", "OC", "C#N", "S", "Br"];
        for (int i = 0; i < count; i++)
            yield return $"{heads[i % heads.Length]}{new string('C', i / 100 % 8)}{tails[i / 10 % tails.Length]} m{i}";
    }

    [SkippableFact]
    public async Task KilledWhileTraining_TheCheckpointIsWhole_AndTheRestartedServerTakesTheJobOverFromIt()
    {
        Skip.If(AppProcess.SkipReason is not null, AppProcess.SkipReason);
        string output;
        long id, killedAt;
        await using (var app = await AppProcess.StartAsync(Settings))
        {
            using var form = new MultipartFormDataContent { { new StringContent(string.Join('\n', Molecules(3000))), "file", "molecules.smi" } };
            var upload = await (await app.Client.PostAsync("api/training/datasets", form)).Content.ReadFromJsonAsync<JsonElement>();
            var started = await app.Client.PostAsJsonAsync("api/training/jobs",
                new { domain = "molecules", name = "killed", data = upload.GetProperty("name").GetString(), epochs = 8 });
            var job = await started.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(started.IsSuccessStatusCode, job.ToString());
            id = job.GetProperty("id").GetInt64();
            output = job.GetProperty("output").GetString()!;
            // Kill once the first epoch's checkpoint is committed, while later epochs train.
            await app.WaitForAsync(() => Task.FromResult(CheckpointStore.Exists(output) && CheckpointStore.ReadManifest(output).State.EpochsDone >= 1 ? "" : null),
                TimeSpan.FromMinutes(5), "the first checkpoint");
            app.Kill();
            killedAt = CheckpointStore.ReadManifest(output).State.Step;
            Assert.True(CheckpointStore.ReadManifest(output).State.EpochsDone < 8, "the job finished before it could be killed");
        }
        // Whatever the kill interrupted, the committed checkpoint is whole: its manifest names weights that load.
        using (var model = LatentModel.Load(output, "cpu")) Assert.Equal(killedAt, model.Manifest.State.Step);

        await using (var app = await AppProcess.StartAsync(Settings))
        {
            // The killed worker's lease runs out and the new process's worker takes the job over, from the checkpoint.
            await app.WaitForAsync(async () => await StatusAsync(app, id) is "completed" or "failed" ? "" : null, TimeSpan.FromMinutes(10), "the resumed job ending");
            var job = (await app.Client.GetFromJsonAsync<JsonElement>($"api/training/jobs/{id}")).GetProperty("job");
            Assert.Equal("completed", job.GetProperty("status").GetString());
            Assert.Equal(1, job.GetProperty("takeovers").GetInt32());
        }
        var done = CheckpointStore.ReadManifest(output);
        Assert.Equal(8, done.State.EpochsDone);
        Assert.True(done.State.Step > killedAt);
        Assert.Empty(Directory.GetFiles(output, "*.tmp", SearchOption.AllDirectories));
    }

    [SkippableFact]
    public async Task KilledDuringALibraryImport_EveryCommittedItemIsWhole_AndNoneIsHalfThere()
    {
        Skip.If(AppProcess.SkipReason is not null, AppProcess.SkipReason);
        var lines = Molecules(LatentWorkbench.Storage.LibraryImporter.MaxItemsPerFile).ToList(); // the most one import takes
        var names = lines.Select(l => l.Split(' ')[1]).ToHashSet();
        int before;
        await using (var app = await AppProcess.StartAsync(Settings))
        {
            using var form = new MultipartFormDataContent { { new StringContent(string.Join('\n', lines)), "file", "big.smi" } };
            var import = app.Client.PostAsync("api/library/molecules/import", form);
            before = int.Parse(await app.WaitForAsync(async () => await CountAsync(app) is var n and > 50 ? n.ToString(CultureInfo.InvariantCulture) : null,
                TimeSpan.FromMinutes(2), "the first imported items"), CultureInfo.InvariantCulture);
            app.Kill();
            await Assert.ThrowsAnyAsync<Exception>(() => import); // the connection went with the process
        }
        await using (var app = await AppProcess.StartAsync(Settings))
        {
            var items = await app.Client.GetFromJsonAsync<JsonElement>("api/library/molecules");
            var count = items.GetArrayLength();
            Assert.InRange(count, before, lines.Count - 1); // what was there stays; the kill stopped the rest
            foreach (var item in items.EnumerateArray())
            {
                Assert.Contains(item.GetProperty("name").GetString()!, names);
                Assert.False(string.IsNullOrEmpty(item.GetProperty("text").GetString()));
                Assert.True(item.GetProperty("properties").EnumerateObject().Any(), $"{item.GetProperty("name")} has no properties");
            }
            Assert.Equal(count, items.EnumerateArray().Select(i => i.GetProperty("name").GetString()).Distinct().Count());
        }
    }

    [SkippableFact]
    public async Task KilledWhileSavingSessions_EverySavedSessionReadsBackWhole()
    {
        Skip.If(AppProcess.SkipReason is not null, AppProcess.SkipReason);
        await using (var app = await AppProcess.StartAsync(Settings))
        {
            using var stop = new CancellationTokenSource();
            var saving = Task.Run(async () =>
            {
                for (int i = 0; !stop.IsCancellationRequested; i++)
                {
                    var body = new { from = "CC(=O)Oc1ccccc1C(=O)O", to = i % 2 == 0 ? "CN1CCCC1c1cccnc1" : "c1ccccc1O", steps = 6, save = true };
                    await app.Client.PostAsJsonAsync("api/domains/molecules/interpolate", body, stop.Token);
                }
            });
            await app.WaitForAsync(async () => (await app.Client.GetFromJsonAsync<JsonElement>("api/sessions")).GetArrayLength() >= 3 ? "" : null,
                TimeSpan.FromMinutes(3), "three saved sessions");
            app.Kill();
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => saving);
        }
        await using (var app = await AppProcess.StartAsync(Settings))
        {
            var sessions = await app.Client.GetFromJsonAsync<JsonElement>("api/sessions");
            Assert.True(sessions.GetArrayLength() >= 3);
            foreach (var summary in sessions.EnumerateArray())
            {
                var session = await app.Client.GetFromJsonAsync<JsonElement>($"api/sessions/{summary.GetProperty("id").GetInt64()}");
                Assert.Equal(6, session.GetProperty("result").GetArrayLength());
                Assert.Equal(6, session.GetProperty("request").GetProperty("steps").GetInt32());
            }
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<string> StatusAsync(AppProcess app, long id) =>
        (await app.Client.GetFromJsonAsync<JsonElement>($"api/training/jobs/{id}")).GetProperty("job").GetProperty("status").GetString()!;

    private static async Task<int> CountAsync(AppProcess app) =>
        (await app.Client.GetFromJsonAsync<JsonElement>("api/library/molecules")).GetArrayLength();
}
