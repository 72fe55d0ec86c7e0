using LatentWorkbench.Core.Training;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Core.Tests.Toy;

/// <summary>Trains the toy model once (well under a minute on CPU) for all tests that need a trained model.</summary>
public sealed class ToyModelFixture : IDisposable
{
    public ToyModelFixture()
    {
        Folder = Directory.CreateTempSubdirectory("latent-toy-").FullName;
        var items = ToyDomain.Generate(6000, seed: 7).Distinct().ToList();
        Train = items.Take(items.Count - 300).ToList();
        HeldOut = items.Skip(items.Count - 300).ToList();
        TrainFile = Path.Combine(Folder, "train.txt");
        ValidFile = Path.Combine(Folder, "valid.txt");
        File.WriteAllLines(TrainFile, Train);
        File.WriteAllLines(ValidFile, HeldOut);
        ModelFolder = Path.Combine(Folder, "model");
        var progress = new List<TrainingProgress>();
        Outcome = TrainingPipeline.Train(Domain, new TrainRequest(TrainFile, ValidFile, ModelFolder, Device: "cpu"),
            new ProgressSink(progress));
        Reports = progress;
        Model = DomainModel.Load(Domain, ModelFolder, "cpu");
    }

    public ToyDomain Domain { get; } = new();
    public string Folder { get; }
    public string TrainFile { get; }
    public string ValidFile { get; }
    public string ModelFolder { get; }
    public List<string> Train { get; }
    public List<string> HeldOut { get; }
    public TrainingOutcome Outcome { get; }
    public IReadOnlyList<TrainingProgress> Reports { get; }
    public DomainModel Model { get; }

    public void Dispose()
    {
        Model.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ToyModelCollection : ICollectionFixture<ToyModelFixture>
{
    public const string Name = "toy model";
}
