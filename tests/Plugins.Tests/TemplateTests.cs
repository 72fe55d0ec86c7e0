using LatentWorkbench.Core.Plugins;

namespace LatentWorkbench.Plugins.Tests;

/// <summary>
/// The <c>latent-plugin</c> template: installed into a private template hive (nothing reaches the user's profile),
/// instantiated, its tests run, published and loaded. Slow (about 1.5 minutes on 2 cores: a restore and two builds),
/// so it carries the <c>Slow</c> category; it still runs with the suite.
/// </summary>
[Trait("Category", "Slow")]
public sealed class TemplateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-template-").FullName;

    [Fact]
    public void Template_CreatesAPluginThatBuildsTestsAndLoads()
    {
        var hive = Path.Combine(_folder, "hive");
        var environment = new Dictionary<string, string> { ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        DotnetCli.Run(_folder, environment, "new", "install", Path.Combine(RepoPaths.Root, "templates", "latent-plugin"), "--debug:custom-hive", hive);
        DotnetCli.Run(_folder, environment, "new", "latent-plugin", "-n", "Polymers", "-o", "Polymers", "--domain", "polymers",
            "--workbench", RepoPaths.Root, "--debug:custom-hive", hive);

        var tests = DotnetCli.Run(_folder, environment, "test", Path.Combine("Polymers", "Polymers.Tests"), "-c", "Debug");
        Assert.Contains("Passed!", tests);

        var plugins = Path.Combine(_folder, "plugins");
        DotnetCli.Run(_folder, environment, "publish", Path.Combine("Polymers", "Polymers"), "--no-build", "-c", "Debug", "-o", Path.Combine(plugins, "polymers"));
        var catalog = PluginLoader.Load(plugins, ["molecules", "music"]);
        var report = Assert.Single(catalog.Reports);
        Assert.True(report.IsLoaded, report.Message);
        Assert.Equal("polymers", Assert.Single(catalog.Modules).Id);
        Assert.Equal("GCGC", catalog.Modules[0].Validator.Validate("gcgc").Canonical);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
