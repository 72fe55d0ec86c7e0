using System.Net;
using LatentWorkbench.Domains.Music;
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
}
