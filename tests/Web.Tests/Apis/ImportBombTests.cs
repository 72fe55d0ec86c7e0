using System.Diagnostics;
using System.Net;
using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Domains.Music.Midi;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LatentWorkbench.Web.Tests.Apis;

/// <summary>
/// Files built to make an import explode (a MIDI file whose few kilobytes cut into thousands of clips, one whose
/// chunk claims gigabytes, an upload over the request limit) are refused quickly with a problem, and add nothing.
/// </summary>
public sealed class ImportBombTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private HttpClient Client() => factory.WithWebHostBuilder(b =>
        b.UseSetting("Storage:Database", Path.Combine(Path.GetTempPath(), $"latent-bomb-{Guid.NewGuid():N}.db"))).CreateClient();

    private static async Task<(HttpStatusCode Status, string? Media, TimeSpan Took)> ImportAsync(HttpClient client, byte[] bytes, string name)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync("/api/library/music/import", form);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, clock.Elapsed);
    }

    [Fact]
    public async Task AMidiFileOfThousandsOfClips_IsRefusedBeforeAnythingIsAdded()
    {
        var client = Client();
        // 20,000 bars of one short note each: about 100 KB of MIDI, 10,000 two-bar clips.
        var notes = Enumerable.Range(0, 20_000).Select(i => new ClipNote(i * 48, 60 + i % 12, 6, 80)).ToList();
        var bytes = MidiWriter.Write(ClipMidi.ToScore(new Clip(4, 20_000, notes)));
        var (status, media, took) = await ImportAsync(client, bytes, "bomb.mid");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", media);
        Assert.True(took < TimeSpan.FromSeconds(5), $"took {took.TotalSeconds:0.0} s");
        Assert.Equal("[]", await client.GetStringAsync("/api/library/music"));
    }

    [Fact]
    public async Task AChunkClaimingGigabytes_AndAnUploadOverTheLimit_AreProblems()
    {
        var client = Client();
        byte[] header = [.. "MThd"u8, 0, 0, 0, 6, 0, 0, 0, 1, 1, 0xE0, .. "MTrk"u8, 0x7F, 0xFF, 0xFF, 0xFF, 0x00, 0x90, 0x3C, 0x40];
        var (status, media, took) = await ImportAsync(client, header, "claims.mid");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", media);
        Assert.True(took < TimeSpan.FromSeconds(5));
        (status, media, _) = await ImportAsync(client, new byte[(int)WorkbenchSetup.MaxRequestBytes + 1024], "huge.mid");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("application/problem+json", media);
        Assert.Equal("[]", await client.GetStringAsync("/api/library/music"));
    }
}
