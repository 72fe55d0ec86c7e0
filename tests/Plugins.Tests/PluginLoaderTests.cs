using System.Runtime.Loader;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Plugins;

namespace LatentWorkbench.Plugins.Tests;

/// <summary>The loader on a folder with the published peptides plugin beside broken ones.</summary>
[Collection(PluginFolderCollection.Name)]
public sealed class PluginLoaderTests(PluginFolderFixture fixture)
{
    [Fact]
    public void Load_PublishedPeptides_IsLoadedWithItsDomain()
    {
        var report = fixture.Catalog.Reports.Single(r => r.Folder == "peptides");
        Assert.Equal(PluginStatus.Loaded, report.Status);
        Assert.Equal(["peptides"], report.DomainIds);
        Assert.Equal([FixturePlugins.DependentId, "peptides"], fixture.Catalog.Modules.Select(m => m.Id).Order());
    }

    [Fact]
    public void Load_PrivateDependency_ResolvesFromThePluginFolder()
    {
        var report = fixture.Catalog.Reports.Single(r => r.Folder == FixturePlugins.WithDependency);
        Assert.True(report.IsLoaded, report.Message);
        Assert.Equal([FixturePlugins.DependentId], report.DomainIds);
    }

    [Theory]
    [InlineData("broken-garbage", "not a loadable .NET assembly")]
    [InlineData("broken-not-a-plugin", "no [assembly: DomainPlugin] attribute")]
    [InlineData("broken-old-contract", "built against plugin contract version 1; this workbench speaks version 2. Rebuild the plugin")]
    [InlineData("broken-throws", "the lab's reference table is missing")]
    [InlineData("broken-duplicate", "'music' of")]
    [InlineData("broken-missing-dependency", "Helper")]
    public void Load_BrokenPlugin_IsSkippedWithItsReason(string folder, string reason)
    {
        var report = fixture.Catalog.Reports.Single(r => r.Folder == folder);
        Assert.Equal(FixturePlugins.Expected[folder], report.Status);
        Assert.Contains(reason, report.Message);
        Assert.Empty(report.DomainIds);
    }

    [Fact]
    public void Load_OnlySearchesSubfoldersOfTheDirectory()
    {
        Assert.True(File.Exists(Path.Combine(fixture.Directory, "Stray.dll")));
        Assert.Equal(FixturePlugins.Expected.Count + 2, fixture.Catalog.Reports.Count);
        Assert.DoesNotContain(fixture.Catalog.Reports, r => r.Message.Contains("Stray"));
    }

    [Fact]
    public void Load_PluginSharesTheContractButHasItsOwnContext()
    {
        var plugin = fixture.Peptides.GetType().Assembly;
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(plugin));
        var core = plugin.GetReferencedAssemblies().Single(a => a.Name == "LatentWorkbench.Core");
        Assert.Same(typeof(IDomainModule).Assembly, AssemblyLoadContext.GetLoadContext(plugin)!.LoadFromAssemblyName(core));
    }

    [Fact]
    public void Publish_CarriesNoHostAssemblies()
    {
        var files = Directory.GetFiles(Path.Combine(fixture.Directory, "peptides")).Select(Path.GetFileName).ToArray();
        Assert.Contains("LatentWorkbench.Domains.Peptides.dll", files);
        Assert.DoesNotContain(files, f => f!.StartsWith("TorchSharp") || f.StartsWith("LatentWorkbench.Core") || f.StartsWith("MudBlazor") || f.Contains("torch"));
    }

    [Fact]
    public void DefaultModel_IsFoundBesideThePluginAssembly()
    {
        var folder = ModelLocator.DefaultModelFolder(fixture.Peptides);
        Assert.StartsWith(Path.Combine(fixture.Directory, "peptides", "models"), folder);
        Assert.True(Core.Checkpoints.CheckpointStore.Exists(folder), folder);
    }

    [Fact]
    public void Load_MissingDirectory_IsReportedNotThrown()
    {
        var catalog = PluginLoader.Load(Path.Combine(fixture.Directory, "no-such-folder"), []);
        Assert.Empty(catalog.Modules);
        Assert.Contains("does not exist", Assert.Single(catalog.Reports).Message);
    }
}
