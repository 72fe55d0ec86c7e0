using System.Net;
using System.Net.Http.Json;
using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Tests;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LatentWorkbench.Web.Tests.Apis;

/// <summary>
/// A truncated checkpoint of one domain: the app starts, the damaged domain's operations answer a problem that names
/// the file, and the other domain keeps working.
/// </summary>
public sealed class DamagedModelTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-damaged-model-").FullName;

    [Fact]
    public async Task TruncatedMoleculesWeights_AreNamed_AndMusicStillServes()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Checkout.Root, "sample-data", "models", "molecules")))
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        var weights = Directory.GetFiles(_folder, "model-s*.bin").Single();
        using (var stream = File.Open(weights, FileMode.Open)) stream.SetLength(stream.Length / 3);
        var app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Models:molecules", _folder);
            b.UseSetting("Device", "cpu");
            b.UseSetting("Storage:Database", Path.Combine(_folder, "workbench.db"));
        });
        var client = app.CreateClient();

        var molecules = await client.PostAsJsonAsync("/api/domains/molecules/encode", new { items = new[] { "CCO" } });
        Assert.Equal(HttpStatusCode.NotFound, molecules.StatusCode);
        Assert.Contains(Path.GetFileName(weights), await molecules.Content.ReadAsStringAsync());

        var scale = new Clip(4, 2, Enumerable.Range(0, 8).Select(i => new ClipNote(i * 12, 60 + i, 12, 80)).ToList());
        var music = await client.PostAsJsonAsync("/api/domains/music/encode", new { items = new[] { ClipText.ToText(scale) } });
        Assert.Equal(HttpStatusCode.OK, music.StatusCode);
        var page = await client.GetStringAsync("/models");
        Assert.Contains("truncated", page);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
