// Path and navigation figures of a molecule model (issue 4): interpolation between random held-out pairs and
// QED navigation from held-out molecules, printed as one JSON line.
// usage: dotnet run -c Release --project bench/Molecules.Bench -- --model DIR --data HELDOUT.csv [--pairs 200] [--starts 200] [--steps 10] [--smooth] [--decoding greedy|beam|sample|consistent] [--points FILE] [--ascent-step 0.15]
// --points FILE writes every path point (one per line, invalid decodes too) for an outside check such as RDKit's.
// --priors [--train TRAIN.csv] [--exemplars 20000] [--samples 3000] [--prior-list normal:1,...] compares priors instead
// (PriorComparison.cs), a JSON line each.
using System.Diagnostics;
using System.Text.Json;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Domains.Molecules;

string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
var module = new MoleculesModule();
var modelFolder = Arg("--model", ModelLocator.DefaultModelFolder(module));
var data = Arg("--data", "../shared/data/molecules/zinc250k_valid.csv");
int pairs = int.Parse(Arg("--pairs", "200")), starts = int.Parse(Arg("--starts", "200")), steps = int.Parse(Arg("--steps", "10"));
var smooth = args.Contains("--smooth");
var decodingName = Arg("--decoding", "greedy");
var decoding = DecodeOptions.Named(decodingName);
using var model = DomainModel.Load(module, modelFolder, Arg("--device", "cpu"));
if (args.Contains("--priors"))
{
    PriorComparison.Run(model, Arg("--train", "../shared/data/molecules/zinc250k_train.csv"), int.Parse(Arg("--exemplars", "20000")),
        referenceCount: 24445, int.Parse(Arg("--samples", "3000")),
        Arg("--prior-list", "normal:1,normal:0.8,posterior:1,posterior:1.5,posterior:2,iso:0.4,iso:0.5,iso:0.7").Split(','));
    return;
}
var random = new Random(7);
var pool = module.Datasets.Read(data, new DatasetOptions(Limit: 20000)).Select(r => r.Text)
    .Where(t => model.Codec.TryToIds(t, out _, out _)).ToArray();
random.Shuffle(pool);

var pointsFile = Arg("--points", "");
var pathTexts = new List<string>();
var clock = Stopwatch.StartNew();
int points = 0, validPoints = 0, endpoints = 0, endpointHits = 0, monotone = 0, distinctTotal = 0;
for (int i = 0; i < pairs; i++)
{
    var (a, b) = (pool[2 * i], pool[2 * i + 1]);
    var path = model.Interpolate(a, b, steps, InterpolationMethod.Slerp, decoding, smooth);
    points += path.Count;
    pathTexts.AddRange(path.Select(p => p.Text));
    validPoints += path.Count(p => p.Valid);
    endpoints += 2;
    endpointHits += (path[0].Text == a ? 1 : 0) + (path[^1].Text == b ? 1 : 0);
    distinctTotal += path.Where(p => p.Valid).Select(p => p.Text).Distinct().Count();
    var similarity = path.Select(p => p.Similarities.GetValueOrDefault(ItemReference.NameOf(ReferenceRole.From))).ToArray();
    if (similarity.Zip(similarity.Skip(1)).All(s => s.Second <= s.First + 0.05)) monotone++;
}
var interpolationSeconds = clock.Elapsed.TotalSeconds;
if (pointsFile.Length > 0) File.WriteAllLines(pointsFile, pathTexts);

clock.Restart();
var lowQed = pool.Skip(2 * pairs).Where(t => module.Properties.Compute(t).GetValueOrDefault("qed", 1) < 0.7).Take(starts).ToArray();
var ascent = new AscentSettings(StepSize: double.Parse(Arg("--ascent-step", "0.15"), System.Globalization.CultureInfo.InvariantCulture));
int success = 0, trajectoryItems = 0, stuck = 0;
foreach (var start in lowQed)
{
    var startQed = module.Properties.Compute(start)["qed"];
    var result = model.Navigate(new NavigationRequest(start, ObjectiveParser.Parse("qed:max"), MinSimilarity: 0.4, Ascent: ascent));
    if (result.Candidates.Any(c => c.Point.Properties.GetValueOrDefault("qed") >= startQed + 0.1)) success++;
    // How far the climb itself gets: distinct items its points decode to, and starts whose every point is the start.
    var distinct = result.Trajectory.Where(p => p.Valid).Select(p => p.Text).Distinct().Count();
    trajectoryItems += distinct;
    if (distinct == 1) stuck++;
}

double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
var figures = new Dictionary<string, object?>
{
    ["pairs"] = pairs,
    ["smooth"] = smooth,
    ["decoding"] = decodingName,
    ["valid_points"] = Share(validPoints, points),
    ["endpoints_exact"] = Share(endpointHits, endpoints),
    ["distinct_per_path"] = Share(distinctTotal, pairs),
    ["similarity_monotone_paths"] = Share(monotone, pairs),
    ["interpolation_ms_per_path"] = pairs == 0 ? null : Math.Round(interpolationSeconds * 1000 / pairs, 1),
    ["navigation_starts"] = lowQed.Length,
    ["navigation_success"] = Share(success, lowQed.Length),
    ["navigation_ascent_step"] = ascent.StepSize,
    ["trajectory_distinct_items_per_start"] = Share(trajectoryItems, lowQed.Length),
    ["trajectory_never_leaves_start"] = Share(stuck, lowQed.Length),
    ["navigation_ms_per_start"] = lowQed.Length == 0 ? null : Math.Round(clock.Elapsed.TotalMilliseconds / lowQed.Length, 1),
};
Console.WriteLine(JsonSerializer.Serialize(figures));
