// Path and attribute figures of a music model (issue 6): jazz -> classical interpolations between held-out clips and
// walks along each attribute vector, printed as one JSON line.
// usage: dotnet run -c Release --project bench/MusicModel.Bench -- --data HELDOUT_DIR [--model DIR] [--pairs 100] [--clips 50] [--steps 8] [--smooth]
// HELDOUT_DIR is a folder of MIDI files with jazz/ and classical/ somewhere in their paths (scripts/midi-split.sh makes one).
using System.Diagnostics;
using System.Text.Json;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Domains.Music;
using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Domains.Music.Evaluation;

string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
var module = new MusicModule();
var smooth = args.Contains("--smooth");
var data = Arg("--data", "");
if (!Directory.Exists(data))
{
    Console.Error.WriteLine($"--data must name a folder of held-out MIDI files (got '{data}'); see scripts/midi-split.sh.");
    return 2;
}
int pairs = int.Parse(Arg("--pairs", "100")), clipCount = int.Parse(Arg("--clips", "50")), steps = int.Parse(Arg("--steps", "8"));
double amount = double.Parse(Arg("--amount", "1"), System.Globalization.CultureInfo.InvariantCulture);
using var model = DomainModel.Load(module, Arg("--model", ModelLocator.DefaultModelFolder(module)), Arg("--device", "cpu"));
var random = new Random(11);
var reader = new MusicDatasetReader(MusicModule.BarsPerClip);
var files = Directory.EnumerateFiles(data, "*.mid", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
string[] ClipsOfStyle(string style) => files.Where(f => MusicDatasetReader.TagsOf(f).Contains(style))
    .SelectMany(f => reader.ClipsOf(f)).Select(ClipText.ToText).Where(t => model.Codec.TryToIds(t, out _, out _)).ToArray();
var jazz = ClipsOfStyle("jazz");
var classical = ClipsOfStyle("classical");
random.Shuffle(jazz);
random.Shuffle(classical);
pairs = Math.Min(pairs, Math.Min(jazz.Length, classical.Length));

bool Sounding(LatentPoint p) => p.Valid && ClipText.Parse(p.Text).Clip is { Notes.Count: > 0 };
var clock = Stopwatch.StartNew();
int points = 0, soundingPoints = 0, styleFalls = 0, distanceRises = 0;
double styleDrop = 0;
var endF1 = new List<double>(); // each decoded end against the clip it encodes (onset and pitch)
double EndF1(string given, LatentPoint decoded) =>
    MusicEvaluator.NoteF1(ClipText.Parse(given).Clip!, decoded.Valid ? ClipText.Parse(decoded.Text).Clip : null);
for (int i = 0; i < pairs; i++)
{
    var path = model.Interpolate(jazz[i], classical[i], steps, smooth: smooth);
    endF1.Add(EndF1(jazz[i], path[0]));
    endF1.Add(EndF1(classical[i], path[^1]));
    points += path.Count;
    soundingPoints += path.Count(Sounding);
    var pJazz = path.Select(p => p.Properties.GetValueOrDefault("p_jazz", double.NaN)).ToArray();
    styleDrop += pJazz[0] - pJazz[^1];
    if (pJazz.Zip(pJazz.Skip(1)).All(s => s.Second <= s.First + 0.05) && pJazz[0] - pJazz[^1] > 0.3) styleFalls++;
    var distance = path.Select(p => p.DistanceFromStart ?? double.NaN).ToArray();
    if (distance.Zip(distance.Skip(1)).All(d => d.Second >= d.First - 0.05)) distanceRises++;
}
var interpolationMs = clock.Elapsed.TotalMilliseconds / Math.Max(1, pairs);

// Attribute walks: relative change of each attribute, in units of its spread over the held-out clips. Each clip is
// pushed toward the other side of the median (up when below it, down when above), so saturated values (a clip the
// classifier already calls jazz with p = 1) are not asked to rise further.
var starts = jazz.Skip(pairs).Take(clipCount / 2).Concat(classical.Skip(pairs).Take(clipCount - clipCount / 2)).ToArray();
var keys = module.Attributes.Select(a => a.Key).Where(model.Model.Manifest.AttributeVectors.ContainsKey).ToArray();
// Decoded as MoveAlong decodes a walk's first point, so that the median and spread describe where walks start.
var anchor = new DecodeOptions { Strategy = DecodeStrategy.Consistent, BeamWidth = PointDecoder.AnchorBeamWidth };
var startPoints = starts.Select(s => model.Decode([model.Encode([s])[0].Mean], anchor)[0]).ToArray();
var spread = keys.ToDictionary(k => k, k => StandardDeviation(startPoints.Where(p => p.Valid).Select(p => p.Properties.GetValueOrDefault(k, double.NaN))));
var median = keys.ToDictionary(k => k, k => Median(startPoints.Where(p => p.Valid).Select(p => p.Properties.GetValueOrDefault(k, double.NaN))));
var specificity = new Dictionary<string, double>();
foreach (var key in keys)
{
    var change = keys.ToDictionary(k => k, _ => 0.0);
    int walked = 0;
    for (int s = 0; s < starts.Length; s++)
    {
        var sign = startPoints[s].Properties.GetValueOrDefault(key, double.NaN) > median[key] ? -1 : 1;
        var walk = model.MoveAlong(starts[s], key, sign * amount, 4);
        if (!walk[0].Valid || !walk[^1].Valid) continue;
        walked++;
        foreach (var k in keys)
            change[k] += Math.Abs(walk[^1].Properties.GetValueOrDefault(k) - walk[0].Properties.GetValueOrDefault(k)) / Math.Max(1e-9, spread[k]);
    }
    var own = change[key] / Math.Max(1, walked);
    var others = keys.Where(k => k != key).Average(k => change[k] / Math.Max(1, walked));
    specificity[key] = own / Math.Max(1e-9, others);
}

// Figures with nothing measured (no pairs, no clips) are null.
double? PerPair(double total) => pairs == 0 ? null : Math.Round(total / pairs, 4);
var figures = new Dictionary<string, object?>
{
    ["pairs"] = pairs,
    ["steps"] = steps,
    ["smooth"] = smooth,
    ["ends_note_f1_median"] = endF1.Count == 0 ? null : Math.Round(Median(endF1), 4),
    ["ends_note_f1_mean"] = endF1.Count == 0 ? null : Math.Round(endF1.Average(), 4),
    ["sounding_valid_points"] = points == 0 ? null : Math.Round((double)soundingPoints / points, 4),
    ["p_jazz_falling_paths"] = PerPair(styleFalls),
    ["mean_p_jazz_drop"] = PerPair(styleDrop),
    ["distance_rising_paths"] = PerPair(distanceRises),
    ["interpolation_ms_per_path"] = pairs == 0 ? null : Math.Round(interpolationMs, 1),
    ["attribute_clips"] = starts.Length,
    ["attribute_amount"] = amount,
    ["attribute_specificity"] = starts.Length == 0 ? null : specificity.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 3)),
};
Console.WriteLine(JsonSerializer.Serialize(figures));
return 0;

static double Median(IEnumerable<double> values)
{
    var v = values.Where(double.IsFinite).Order().ToArray();
    return v.Length == 0 ? double.NaN : v[v.Length / 2];
}

static double StandardDeviation(IEnumerable<double> values)
{
    var v = values.Where(double.IsFinite).ToArray();
    if (v.Length < 2) return 1;
    var mean = v.Average();
    return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
}
