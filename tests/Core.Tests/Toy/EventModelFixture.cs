using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Training;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Core.Tests.Toy;

/// <summary>
/// Trains the event decoder once, for the tests of event-grouped decoding (a few seconds on a CPU), on toy items made
/// of compound events as music's notes are: each event is a letter from ABC and then one from DEH, which ends it.
/// It trains with scheduled sampling, so the reconstruction tests also cover that path.
/// </summary>
public sealed class EventModelFixture : IDisposable
{
    /// <summary>The toy defaults with D, E and H ending events.</summary>
    public static VaeConfig Config { get; } = new ToyDomain().Defaults.Model with { EventEndTokens = ["D", "E", "H"] };

    public EventModelFixture()
    {
        Folder = Directory.CreateTempSubdirectory("latent-toy-events-").FullName;
        var items = Generate(3000, seed: 17);
        Train = items.Take(items.Count - 200).ToList();
        HeldOut = items.Skip(items.Count - 200).ToList();
        var trainFile = Path.Combine(Folder, "train.txt");
        var validFile = Path.Combine(Folder, "valid.txt");
        File.WriteAllLines(trainFile, Train);
        File.WriteAllLines(validFile, HeldOut);
        ModelFolder = Path.Combine(Folder, "model");
        var settings = Domain.Defaults.Training with { Epochs = 20, WordDropout = 0.1, ScheduledSampling = 0.25, ScheduledSamplingSteps = 100 };
        var progress = new List<TrainingProgress>();
        Outcome = TrainingPipeline.Train(Domain, new TrainRequest(trainFile, validFile, ModelFolder, Config, settings, Device: "cpu"),
            new ProgressSink(progress));
        Reports = progress;
        Model = DomainModel.Load(Domain, ModelFolder, "cpu");
    }

    public ToyDomain Domain { get; } = new();
    public string Folder { get; }
    public string ModelFolder { get; }
    public List<string> Train { get; }
    public List<string> HeldOut { get; }
    public TrainingOutcome Outcome { get; }
    public IReadOnlyList<TrainingProgress> Reports { get; }
    public DomainModel Model { get; }

    /// <summary><paramref name="count"/> distinct items of one to four events each (two to eight letters).</summary>
    public static List<string> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var items = new HashSet<string>();
        var order = new List<string>();
        while (order.Count < count)
        {
            var events = random.Next(1, 5);
            var item = string.Concat(Enumerable.Range(0, events).Select(_ => $"{"ABC"[random.Next(3)]}{"DEH"[random.Next(3)]}"));
            if (items.Add(item)) order.Add(item);
        }
        return order;
    }

    public void Dispose()
    {
        Model.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class EventModelCollection : ICollectionFixture<EventModelFixture>
{
    public const string Name = "toy event model";
}
