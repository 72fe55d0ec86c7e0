using System.Net;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Domains.Music;
using LatentWorkbench.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LatentWorkbench.Web.Tests.Apis;

/// <summary>The audio endpoint on the real app (music needs no model to render a clip).</summary>
public sealed class AudioApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Audio_ReturnsAWavOfAMusicSample()
    {
        var client = factory.WithWebHostBuilder(b => b.UseSetting("Storage:Database", Path.Combine(Path.GetTempPath(), $"latent-audio-{Guid.NewGuid():N}.db"))).CreateClient();
        var clip = new MusicModule().Samples[0].Text;
        var response = await client.GetAsync($"/api/domains/music/audio?item={Uri.EscapeDataString(clip)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(body, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(body, 8, 4));
    }

    [Fact]
    public async Task Audio_BadClip_IsABadRequest()
    {
        var client = factory.WithWebHostBuilder(b => b.UseSetting("Storage:Database", Path.Combine(Path.GetTempPath(), $"latent-audio-{Guid.NewGuid():N}.db"))).CreateClient();
        var response = await client.GetAsync("/api/domains/music/audio?item=not-a-clip");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SessionAudio_PlaysTheValidPointsInSequence_AndSaysWhyWhenItCannot()
    {
        var app = factory.WithWebHostBuilder(b => b.UseSetting("Storage:Database", Path.Combine(Path.GetTempPath(), $"latent-audio-{Guid.NewGuid():N}.db")));
        var client = app.CreateClient();
        var samples = new MusicModule().Samples;
        LatentPoint Point(double t, string text, bool valid) => new(t, text, valid, null, new Dictionary<string, double>(), new Dictionary<string, double>(), 0, null, []);
        var sessions = app.Services.GetRequiredService<SessionStore>();
        var path = sessions.Save(ItemAccess.Everyone, SessionStore.Interpolation, "music", "two clips", new { }, new[] { Point(0, samples[0].Text, true), Point(0.5, "broken", false), Point(1, samples[1].Text, true) });
        var response = await client.GetAsync($"/api/sessions/{path.Id}/audio");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(body, 0, 4));
        // 44.1 kHz 16-bit stereo: at least the two clips' bars long.
        var seconds = (body.Length - 44) / (44_100.0 * 4);
        var audio = new MusicModule().Audio!;
        Assert.True(seconds >= audio.Seconds(samples[0].Text)!.Value + audio.Seconds(samples[1].Text)!.Value, $"{seconds:0.00} s of audio");

        var nothing = sessions.Save(ItemAccess.Everyone, SessionStore.Interpolation, "music", "no clip", new { }, new[] { Point(0, "broken", false) });
        response = await client.GetAsync($"/api/sessions/{nothing.Id}/audio");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no valid item", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/sessions/999999/audio")).StatusCode);
    }
}
