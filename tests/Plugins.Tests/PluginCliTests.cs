extern alias cli;
using System.Text.Json;
using cli::LatentWorkbench.Cli;

namespace LatentWorkbench.Plugins.Tests;

/// <summary><c>latent --plugins DIR ...</c> on the test plugin folder.</summary>
[Collection(PluginFolderCollection.Name)]
public sealed class PluginCliTests(PluginFolderFixture fixture)
{
    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        return (LatentApp.Start(args, output, error, interactive: false), output.ToString(), error.ToString());
    }

    [Fact]
    public void Domains_Json_ListsPeptidesAndTheSkippedPlugins()
    {
        var (code, json, err) = Run("--plugins", fixture.Directory, "domains", "--json");
        Assert.True(code == 0, err);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal([FixturePlugins.DependentId, "molecules", "music", "peptides"], root.GetProperty("domains").EnumerateArray().Select(d => d.GetProperty("id").GetString()!));
        var plugins = root.GetProperty("plugins").EnumerateArray().ToArray();
        Assert.Equal(FixturePlugins.Expected.Count, plugins.Count(p => !p.GetProperty("loaded").GetBoolean()));
        var throws = plugins.Single(p => p.GetProperty("folder").GetString() == "broken-throws");
        Assert.Equal("failed", throws.GetProperty("status").GetString());
        Assert.Contains("the lab's reference table is missing", throws.GetProperty("message").GetString());
        Assert.Contains("warning: plugin 'broken-throws' skipped", err);
    }

    [Fact]
    public void Domains_Text_ListsSkippedPluginsWithReasons()
    {
        var (code, text, _) = Run("--plugins=" + fixture.Directory, "domains");
        Assert.Equal(0, code);
        Assert.Contains("peptides", text);
        Assert.Contains("skipped plugin broken-old-contract: ", text);
    }

    [Fact]
    public void Interpolate_Peptides_PrintsPoints()
    {
        var (code, json, err) = Run("--plugins", fixture.Directory, "interpolate", "--domain", "peptides",
            "--from", "GIGKFLHSAKKFGKAFVGEIMNS", "--to", "RPPGFSPFR", "--steps", "4", "--device", "cpu", "--threads", "1", "--json");
        Assert.True(code == 0, err);
        var points = JsonDocument.Parse(json).RootElement.GetProperty("points");
        Assert.Equal(4, points.GetArrayLength());
        Assert.All(points.EnumerateArray(), p => Assert.Matches("^[ACDEFGHIKLMNPQRSTVWY]*$", p.GetProperty("sequence").GetString()));
    }

    [Fact]
    public void WithoutPlugins_PeptidesIsUnknown()
    {
        var (code, _, err) = Run("interpolate", "--domain", "peptides", "--from", "YGGFM", "--to", "YGGFL", "--device", "cpu");
        Assert.NotEqual(0, code);
        Assert.Contains("Unknown domain 'peptides'", err);
    }

    [Fact]
    public void PluginsOption_WithoutDirectory_IsAUsageError()
    {
        var (code, _, err) = Run("--plugins");
        Assert.Equal(1, code);
        Assert.Contains("needs a directory", err);
    }
}
