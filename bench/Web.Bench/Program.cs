// Web workbench timings through HTTP on a loopback port.
// Default mode: molecule interpolation (10 steps) on varied held-out ZINC pairs, each asked once (and the repeated
// aspirin -> nicotine pair, which the caches answer), music interpolation with audio for every point (8 steps), and
// the first page render after start-up. Prints p50/p95 against the targets.
// --load [--clients N] [--seconds S] [--replicas R]: the load bench (LoadRun): N concurrent clients (default 32) for S
// seconds (default 120) of mixed operations, after a single-client baseline and an interpolation-only run of N clients,
// with R copies of each model (Models:Replicas, default 1); prints one JSON object.
// --map [--nodes N]: the latent map with N held-out molecules (default 500) in Debian's Chromium (MapRun).
// --load --instances N [--postgres CONNECTION]: the same against one instance and then N instances sharing one
// PostgreSQL database (a private cluster unless --postgres names one) behind a round-robin YARP proxy; prints both
// figure sets and how N instances' throughput compares with one's.
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using LatentWorkbench.Web.Bench;

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
}

if (args.Contains("--map"))
{
    await MapRun.RunAsync(Option("--nodes", 500));
    return;
}
string? Text(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

if (args.Contains("--load"))
{
    var (clients, seconds, instances) = (Option("--clients", 32), TimeSpan.FromSeconds(Option("--seconds", 120)), Option("--instances", 1));
    if (instances > 1) await ClusterLoadAsync(instances, clients, seconds, Text("--postgres"));
    else await LoadAsync(clients, seconds, Option("--replicas", 1));
    return;
}
var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 30;
var started = Stopwatch.StartNew();
await using var app = await BenchApp.StartAsync();
var http = app.Http;

var firstPage = await Timing.Once(async () => (await http.GetAsync("explore/molecules")).EnsureSuccessStatusCode());
Console.WriteLine($"first page render (GET /explore/molecules after start-up): {firstPage:0} ms (target 2000 ms); start-up + render {started.ElapsedMilliseconds} ms");
var warmPage = await Timing.Repeat(rounds, async () => (await http.GetAsync("explore/molecules")).EnsureSuccessStatusCode());
Console.WriteLine($"warm page render: {warmPage}");

var molecules = new { from = "CC(=O)Oc1ccccc1C(=O)O", to = "CN1CCCC1c1cccnc1", steps = 10 };
await Timing.Repeat(3, () => Post(http, "api/domains/molecules/interpolate", molecules));
Console.WriteLine($"molecule interpolation, 10 steps, one pair asked again (aspirin -> nicotine): {await Timing.Repeat(rounds, () => Post(http, "api/domains/molecules/interpolate", molecules))}");
var pairs = HeldOutMolecules.Pairs(Math.Max(rounds, 100));
if (pairs.Count == 0)
{
    Console.WriteLine("molecule interpolation on varied held-out pairs: skipped (../shared/data/molecules/zinc250k_valid.csv is not beside the checkout)");
}
else
{
    var times = new List<double>();
    foreach (var (from, to) in pairs) times.Add(await Timing.Once(() => Post(http, "api/domains/molecules/interpolate", new { from, to, steps = 10 })));
    Console.WriteLine($"molecule interpolation, 10 steps, {pairs.Count} held-out ZINC pairs each asked once: {Timing.Summary(times)} (target p50 50 ms, p95 150 ms)");
}

var clips = await MusicClipsAsync(http);
if (clips is null)
{
    Console.WriteLine("music interpolation with audio: skipped (no music model; train one or set Models:music)");
}
else
{
    var (jazz, classical) = clips.Value;
    Console.WriteLine($"music samples the model reads: {jazz.Count} jazz, {classical.Count} classical");
    var round = 0;
    // A different jazz -> classical pair each round, so the server's rendering cache never answers for a new path.
    async Task MusicWithAudio()
    {
        var music = new { from = jazz[round % jazz.Count], to = classical[(round * 5 + 1) % classical.Count], steps = 8 };
        round++;
        var body = await Post(http, "api/domains/music/interpolate", music);
        var texts = body.GetProperty("points").EnumerateArray().Where(p => p.GetProperty("valid").GetBoolean()).Select(p => p.GetProperty("clip").GetString()!);
        // Distinct texts: the browser asks once per distinct clip.
        await Task.WhenAll(texts.Distinct().Select(c => http.GetByteArrayAsync($"api/domains/music/audio?item={Uri.EscapeDataString(c)}")));
    }
    await Timing.Repeat(2, MusicWithAudio);
    Console.WriteLine($"music interpolation, 8 steps, with audio: {await Timing.Repeat(Math.Max(5, rounds / 3), MusicWithAudio)} (target p50 300 ms)");
    // The same kind of request without the audio, to tell the path's share from the rendering's.
    async Task MusicAlone()
    {
        var music = new { from = jazz[round % jazz.Count], to = classical[(round * 5 + 1) % classical.Count], steps = 8 };
        round++;
        await Post(http, "api/domains/music/interpolate", music);
    }
    Console.WriteLine($"music interpolation, 8 steps, path only: {await Timing.Repeat(Math.Max(5, rounds / 3), MusicAlone)}");
}

static async Task LoadAsync(int clients, TimeSpan duration, int replicas)
{
    var molecules = HeldOutMolecules.Take(4000);
    if (molecules.Count == 0)
    {
        Console.Error.WriteLine("The load bench draws its molecules from ../shared/data/molecules/zinc250k_valid.csv, which is not beside the checkout.");
        return;
    }
    await using var app = await BenchApp.StartAsync(new Dictionary<string, string> { ["Models:Replicas"] = $"{replicas}" });
    await SeedLibraryAsync(app.Http, molecules);
    var figures = await MeasureLoadAsync(app, molecules, clients, duration);
    figures["replicas"] = replicas;
    Console.WriteLine(LoadRun.ToJson(figures));
}

// One instance behind the proxy, then N, on one PostgreSQL database; the library is seeded once.
static async Task ClusterLoadAsync(int instances, int clients, TimeSpan duration, string? postgres)
{
    var molecules = HeldOutMolecules.Take(4000);
    if (molecules.Count == 0)
    {
        Console.Error.WriteLine("The load bench draws its molecules from ../shared/data/molecules/zinc250k_valid.csv, which is not beside the checkout.");
        return;
    }
    if (postgres is null)
    {
        if (LatentWorkbench.Tests.PostgresCluster.Instance.Unavailable is { } why)
        {
            Console.Error.WriteLine($"{why} Give --postgres CONNECTION to use a running server instead.");
            return;
        }
        postgres = LatentWorkbench.Tests.PostgresCluster.Instance.CreateDatabase();
    }
    Dictionary<string, object> one, many;
    await using (var single = await WorkbenchCluster.StartAsync(1, postgres))
    {
        await SeedLibraryAsync(single.Http, molecules);
        one = await MeasureLoadAsync(single, molecules, clients, duration);
    }
    await using (var cluster = await WorkbenchCluster.StartAsync(instances, postgres))
        many = await MeasureLoadAsync(cluster, molecules, clients, duration);
    static double Rate(Dictionary<string, object> figures, string? operation = null) => operation is null
        ? (double)figures["ok_per_s"]
        : ((Dictionary<string, object>)figures["operations"]).TryGetValue(operation, out var o) ? ((Dictionary<string, double>)o)["ok_per_s"] : 0;
    Console.WriteLine(LoadRun.ToJson(new Dictionary<string, object>
    {
        ["instances"] = instances,
        ["proxy"] = "YARP round robin, in the bench process",
        ["one_instance"] = one,
        [$"{instances}_instances"] = many,
        ["throughput_ratio"] = Math.Round(Rate(many) / Rate(one), 2),
        ["molecule_interpolation_ratio"] = Math.Round(Rate(many, "molecule_interpolate") / Math.Max(1e-9, Rate(one, "molecule_interpolate")), 2),
        ["errors_500_or_above"] = (int)one["errors_500_or_above"] + (int)many["errors_500_or_above"],
    }));
}

// A library to search: 200 of the molecules, named and tagged as a user's would be.
static async Task SeedLibraryAsync(HttpClient http, IReadOnlyList<string> molecules)
{
    foreach (var (smiles, i) in molecules.Take(200).Select((s, i) => (s, i)))
        await http.PostAsJsonAsync("api/library/molecules", new { text = smiles, name = $"load m{i}", tags = new[] { "load" } });
}

// The single-client baseline and the N-client run against one target, as one figure set.
static async Task<Dictionary<string, object>> MeasureLoadAsync(ILoadTarget target, IReadOnlyList<string> molecules, int clients, TimeSpan duration)
{
    var music = await MusicClipsAsync(target.Http);
    var clips = music is { } both ? [.. both.Jazz, .. both.Classical] : new List<string>();
    var run = new LoadRun(target, molecules, clips);
    await run.MoleculeInterpolationsPerSecondAsync(TimeSpan.FromSeconds(5)); // warm-up: models loaded, code jitted
    var single = await run.MoleculeInterpolationsPerSecondAsync(TimeSpan.FromSeconds(30));
    // The same N clients asking for molecule interpolations alone: the speed-up the mix cannot show, since there the
    // model's worker also serves encodes and navigations.
    var alone = await new LoadRun(target, molecules, clips).MoleculeInterpolationsPerSecondAsync(TimeSpan.FromSeconds(30), clients, seed: 6);
    var figures = await new LoadRun(target, molecules, clips).RunAsync(clients, duration);
    var operations = (Dictionary<string, object>)figures["operations"];
    var atLoad = operations.TryGetValue("molecule_interpolate", out var m) ? ((Dictionary<string, double>)m)["ok_per_s"] : 0;
    figures["single_client_molecule_interpolations_per_s"] = Math.Round(single, 2);
    figures["molecule_interpolation_speedup"] = Math.Round(atLoad / single, 2);
    figures["interpolation_only_molecule_interpolations_per_s"] = Math.Round(alone, 2);
    figures["interpolation_only_speedup"] = Math.Round(alone / single, 2);
    return figures;
}

// The music samples the served model reads (some are longer than its maximum length), by style; null without a model.
static async Task<(List<string> Jazz, List<string> Classical)?> MusicClipsAsync(HttpClient http)
{
    var domains = await http.GetFromJsonAsync<JsonElement>("api/domains");
    if (!domains.EnumerateArray().Any(d => d.GetProperty("id").GetString() == "music" && d.GetProperty("has_model").GetBoolean())) return null;
    var readable = new List<LatentWorkbench.Core.Domains.SampleItem>();
    foreach (var sample in new LatentWorkbench.Domains.Music.MusicModule().Samples)
        if ((await http.PostAsJsonAsync("api/domains/music/encode", new { items = new[] { sample.Text } })).IsSuccessStatusCode) readable.Add(sample);
    return (readable.Where(s => s.Tags.Contains("jazz")).Select(s => s.Text).ToList(), readable.Where(s => s.Tags.Contains("classical")).Select(s => s.Text).ToList());
}

static async Task<JsonElement> Post(HttpClient http, string path, object body)
{
    var response = await http.PostAsJsonAsync(path, body);
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    return await response.Content.ReadFromJsonAsync<JsonElement>();
}
