using LatentWorkbench.Core.Checkpoints;

namespace LatentWorkbench.Core.Tests.Checkpoints;

public sealed class CheckpointStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-store-").FullName;

    [Fact]
    public void ReadManifest_MissingFolder_SaysWhatIsMissing()
    {
        var error = Assert.Throws<InvalidDataException>(() => CheckpointStore.ReadManifest(Path.Combine(_folder, "nope")));
        Assert.Contains("config.json", error.Message);
    }

    [Fact]
    public void RemoveStaleTemporaryFiles_DeletesWhatKilledWritersLeft_AndKeepsThisProcesssAndWholeFiles()
    {
        var runState = Directory.CreateDirectory(Path.Combine(_folder, CheckpointStore.RunStateFolder)).FullName;
        File.WriteAllText(Path.Combine(_folder, ".model-s40.bin.999999.tmp"), "half");
        File.WriteAllText(Path.Combine(runState, ".optimizer-s40.bin.999998.tmp"), "half");
        var mine = Path.Combine(_folder, $".config.json.{Environment.ProcessId}.tmp");
        File.WriteAllText(mine, "being written");
        File.WriteAllText(Path.Combine(_folder, "model-s20.bin"), "whole");
        Assert.Equal(2, CheckpointStore.RemoveStaleTemporaryFiles(_folder));
        Assert.Equal([mine, Path.Combine(_folder, "model-s20.bin")], Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        Assert.Equal(0, CheckpointStore.RemoveStaleTemporaryFiles(Path.Combine(_folder, "absent")));
    }

    [Fact]
    public void ReadManifest_Garbage_IsInvalidData()
    {
        File.WriteAllText(Path.Combine(_folder, "config.json"), "{ not json");
        Assert.Throws<InvalidDataException>(() => CheckpointStore.ReadManifest(_folder));
    }

    [Fact]
    public void ReadManifest_OtherFormatVersion_IsRefusedNamingFolderAndVersions()
    {
        var manifest = new CheckpointManifest
        {
            DomainId = "toy", Vocabulary = ["<pad>"], Model = new Core.Models.VaeConfig(), Training = new Core.Training.TrainingSettings(), FormatVersion = 7,
        };
        File.WriteAllText(Path.Combine(_folder, "config.json"), System.Text.Json.JsonSerializer.Serialize(manifest, CheckpointStore.Json));
        var error = Assert.Throws<InvalidDataException>(() => CheckpointStore.ReadManifest(_folder));
        Assert.Contains(_folder, error.Message);
        Assert.Contains("format version 7", error.Message);
        Assert.Contains($"format version {CheckpointManifest.SupportedFormatVersion} only", error.Message);

        CheckpointStore.Commit(_folder, manifest with { FormatVersion = CheckpointManifest.SupportedFormatVersion });
        Assert.Equal(CheckpointManifest.SupportedFormatVersion, CheckpointStore.ReadManifest(_folder).FormatVersion);
    }

    [Fact]
    public void Matrix_RoundTrips_AndRejectsTruncation()
    {
        var path = Path.Combine(_folder, "m.bin");
        float[][] rows = [[1, 2, 3], [4, 5, 6]];
        CheckpointStore.WriteMatrix(path, rows);
        Assert.Equal(rows, CheckpointStore.ReadMatrix(path));
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^4]);
        Assert.Throws<InvalidDataException>(() => CheckpointStore.ReadMatrix(path));
    }

    [Fact]
    public void StableHash_IsStableAndDiscriminates()
    {
        Assert.Equal(StableHash.Of("CCO"), StableHash.Of("CCO"));
        Assert.NotEqual(StableHash.Of("CCO"), StableHash.Of("OCC"));
        Assert.Equal(0xcbf29ce484222325UL, StableHash.Of(""));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
