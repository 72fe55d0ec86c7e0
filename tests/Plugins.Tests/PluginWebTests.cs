using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LatentWorkbench.Plugins.Tests;

/// <summary>The web app started with <c>Plugins:Directory</c>: peptides beside the built-in domains, broken plugins reported.</summary>
[Collection(PluginFolderCollection.Name)]
public sealed class PluginWebTests(PluginFolderFixture fixture)
{
    [Fact]
    public async Task Domains_ListPeptidesBesideTheBuiltInDomains()
    {
        using var client = fixture.Web.CreateClient();
        var domains = await client.GetFromJsonAsync<JsonElement>("/api/domains");
        var ids = domains.EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToArray();
        Assert.Equal([FixturePlugins.DependentId, "molecules", "music", "peptides"], ids);
        var peptides = domains.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "peptides");
        Assert.True(peptides.GetProperty("has_model").GetBoolean());
    }

    [Fact]
    public async Task Interpolate_Peptides_ReturnsDecodedSequences()
    {
        using var client = fixture.Web.CreateClient();
        var response = await client.PostAsJsonAsync("/api/domains/peptides/interpolate",
            new { from = "GIGKFLHSAKKFGKAFVGEIMNS", to = "HSQGTFTSDYSKYLDSRRAQDFVQWLMNT", steps = 5 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var points = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("points");
        Assert.Equal(5, points.GetArrayLength());
        foreach (var point in points.EnumerateArray())
        {
            Assert.Matches("^[ACDEFGHIKLMNPQRSTVWY]*$", point.GetProperty("sequence").GetString());
            Assert.True(point.GetProperty("properties").TryGetProperty("isoelectric_point", out _));
        }
    }

    [Fact]
    public async Task Interpolate_Peptides_NamesABadResidue()
    {
        using var client = fixture.Web.CreateClient();
        var response = await client.PostAsJsonAsync("/api/domains/peptides/interpolate", new { from = "GIGKXF", to = "YGGFM", steps = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("position 5", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PluginPage_IsRoutedAndRenderedInTheHostLayout()
    {
        using var client = fixture.Web.CreateClient();
        var html = await client.GetStringAsync("/peptides/residues");
        Assert.Contains("tryptophan", html);
        Assert.Contains("K 10.8, R 12.5", html);
        Assert.Contains("LatentWorkbench", html);   // the host's app bar around the plugin's page
    }

    [Fact]
    public async Task StaticFiles_OfAPlugin_AreServedUnderItsDomain_AndNothingElseIs()
    {
        using var client = fixture.Web.CreateClient();
        var css = await client.GetAsync("/plugins/peptides/peptides.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".class-bar", await css.Content.ReadAsStringAsync());
        // The plugin's assembly and model sit beside wwwroot and stay private; so do other folders' files.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/plugins/peptides/LatentWorkbench.Domains.Peptides.dll")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/plugins/peptides/..%2FLatentWorkbench.Domains.Peptides.dll")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/plugins/molecules/peptides.css")).StatusCode);
        Assert.Contains(fixture.Catalog.StaticFiles(), s => s.DomainId == "peptides" && s.Folder.EndsWith("wwwroot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plugins_ApiReportsEveryFolder()
    {
        using var client = fixture.Web.CreateClient();
        var body = await client.GetFromJsonAsync<JsonElement>("/api/plugins");
        var plugins = body.GetProperty("plugins").EnumerateArray().ToDictionary(p => p.GetProperty("folder").GetString()!, p => p);
        Assert.True(plugins["peptides"].GetProperty("loaded").GetBoolean());
        foreach (var (folder, status) in FixturePlugins.Expected)
        {
            Assert.False(plugins[folder].GetProperty("loaded").GetBoolean());
            Assert.Equal(JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString()), plugins[folder].GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task PluginsPage_ListsLoadedAndSkippedPlugins()
    {
        using var client = fixture.Web.CreateClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/plugins"));
        Assert.Contains("peptides", html);
        Assert.Contains("broken-throws", html);
        Assert.Contains("the lab's reference table is missing", html);
        Assert.Contains("IncompatibleContract", html);
    }
}
