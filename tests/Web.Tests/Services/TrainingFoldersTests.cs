using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Services.Training;
using Microsoft.Extensions.Configuration;

namespace LatentWorkbench.Web.Tests.Services;

public sealed class TrainingFoldersTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-folders-").FullName;

    private TrainingFolders Folders(long? maxUpload = null) => new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Training:DataRoots:0"] = Path.Combine(_folder, "a"), ["Training:DataRoots:1"] = Path.Combine(_folder, "b"),
        ["Training:ModelsFolder"] = Path.Combine(_folder, "models"), ["Training:MaxUploadBytes"] = maxUpload?.ToString(),
    }).Build());

    private static Func<long, Stream> Bytes(int count) => _ => new MemoryStream(new byte[count]);

    [Fact]
    public async Task Uploads_OneFileStaysAFile_SeveralBecomeAFolder_AndAreListed()
    {
        var folders = Folders();
        var single = await folders.SaveUploadAsync([("../../evil name.csv", Bytes(10))]);
        Assert.Equal(folders.UploadsFolder, Path.GetDirectoryName(single));
        Assert.EndsWith("-evil_name.csv", single);
        var many = await folders.SaveUploadAsync([("a.mid", Bytes(5)), ("b.mid", Bytes(7)), ("a.mid", Bytes(1))]);
        Assert.True(Directory.Exists(many));
        Assert.Equal(3, Directory.GetFiles(many).Length);
        var listed = folders.List();
        Assert.Contains(listed, e => e.Path == single && !e.IsFolder && e.Bytes == 10);
        Assert.Contains(listed, e => e.Path == many && e.IsFolder && e.Bytes == 13);
        Assert.Equal(single, folders.ResolveData(Path.GetRelativePath(folders.DataRoots[0], single)));
    }

    [Fact]
    public async Task Upload_OverTheLimit_IsRefused_AndLeavesNothing()
    {
        var folders = Folders(maxUpload: 100);
        var error = await Assert.ThrowsAsync<ItemInputException>(() => folders.SaveUploadAsync([("a.csv", Bytes(60)), ("b.csv", Bytes(60))]));
        Assert.Contains("larger than", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folders.UploadsFolder));
        await Assert.ThrowsAsync<ItemInputException>(() => folders.SaveUploadAsync([]));
    }

    [Fact]
    public void ResolveData_FindsNamesInAnyRoot_AndRefusesPathsOutside()
    {
        var folders = Folders();
        Directory.CreateDirectory(Path.Combine(_folder, "b", "midi"));
        File.WriteAllText(Path.Combine(_folder, "secret.txt"), "x");
        Assert.Equal(Path.Combine(_folder, "b", "midi"), folders.ResolveData("midi"));
        Assert.Contains("outside", Assert.Throws<ItemInputException>(() => folders.ResolveData(Path.Combine(_folder, "secret.txt"))).Message);
        Assert.Contains("outside", Assert.Throws<ItemInputException>(() => folders.ResolveData("../secret.txt")).Message);
        Assert.Contains("outside", Assert.Throws<ItemInputException>(() => folders.ResolveData(Path.Combine(_folder, "a"))).Message);
        Assert.Equal(Path.Combine(_folder, "models", "toy", "m1"), folders.ModelFolder("toy", "m1"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
