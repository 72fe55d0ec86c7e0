// Web workbench timings through HTTP on a loopback port: molecule interpolation (10 steps), music interpolation
// with audio for every point (8 steps), and the first page render after start-up. Prints p50/p95 against the targets.
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using LatentWorkbench.Web;
using LatentWorkbench.Web.Bench;

var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 30;
var database = Path.Combine(Path.GetTempPath(), $"latent-web-bench-{Guid.NewGuid():N}.db");
var started = Stopwatch.StartNew();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = BenchPaths.WebProject() });
builder.Configuration["Storage:Database"] = database;
builder.Configuration["Device"] = "cpu";
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddLatentWorkbench();
builder.WebHost.UseUrls("http://127.0.0.1:0");
var app = builder.Build();
app.UseLatentWorkbenchPipeline();
app.MapWorkbenchApis();
app.MapWorkbenchPages();
await app.StartAsync();
using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };

var firstPage = await Timing.Once(async () => (await http.GetAsync("explore/molecules")).EnsureSuccessStatusCode());
Console.WriteLine($"first page render (GET /explore/molecules after start-up): {firstPage:0} ms (target 2000 ms); start-up + render {started.ElapsedMilliseconds} ms");
var warmPage = await Timing.Repeat(rounds, async () => (await http.GetAsync("explore/molecules")).EnsureSuccessStatusCode());
Console.WriteLine($"warm page render: {warmPage}");

var molecules = new { from = "CC(=O)Oc1ccccc1C(=O)O", to = "CN1CCCC1c1cccnc1", steps = 10 };
await Timing.Repeat(3, () => Post(http, "api/domains/molecules/interpolate", molecules));
Console.WriteLine($"molecule interpolation, 10 steps, warm: {await Timing.Repeat(rounds, () => Post(http, "api/domains/molecules/interpolate", molecules))} (target p50 50 ms)");

var domains = await http.GetFromJsonAsync<JsonElement>("api/domains");
if (!domains.EnumerateArray().Any(d => d.GetProperty("id").GetString() == "music" && d.GetProperty("has_model").GetBoolean()))
{
    Console.WriteLine("music interpolation with audio: skipped (no music model; train one or set Models:music)");
}
else
{
    var samples = new LatentWorkbench.Domains.Music.MusicModule().Samples;
    // Only samples the model can read (some are longer than its maximum length).
    var readable = new List<LatentWorkbench.Core.Domains.SampleItem>();
    foreach (var sample in samples)
        if ((await http.PostAsJsonAsync("api/domains/music/encode", new { items = new[] { sample.Text } })).IsSuccessStatusCode) readable.Add(sample);
    var jazz = readable.Where(s => s.Tags.Contains("jazz")).ToList();
    var classical = readable.Where(s => s.Tags.Contains("classical")).ToList();
    Console.WriteLine($"music samples the model reads: {jazz.Count} jazz, {classical.Count} classical");
    var round = 0;
    // A different jazz -> classical pair each round, so the server's rendering cache never answers for a new path.
    async Task MusicWithAudio()
    {
        var music = new { from = jazz[round % jazz.Count].Text, to = classical[(round * 5 + 1) % classical.Count].Text, steps = 8 };
        round++;
        var body = await Post(http, "api/domains/music/interpolate", music);
        var clips = body.GetProperty("points").EnumerateArray().Where(p => p.GetProperty("valid").GetBoolean()).Select(p => p.GetProperty("clip").GetString()!);
        // Distinct texts: the browser asks once per distinct clip.
        await Task.WhenAll(clips.Distinct().Select(c => http.GetByteArrayAsync($"api/domains/music/audio?item={Uri.EscapeDataString(c)}")));
    }
    await Timing.Repeat(2, MusicWithAudio);
    Console.WriteLine($"music interpolation, 8 steps, with audio: {await Timing.Repeat(Math.Max(5, rounds / 3), MusicWithAudio)} (target p50 500 ms)");
}

await app.StopAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);

static async Task<JsonElement> Post(HttpClient http, string path, object body)
{
    var response = await http.PostAsJsonAsync(path, body);
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    return await response.Content.ReadFromJsonAsync<JsonElement>();
}
