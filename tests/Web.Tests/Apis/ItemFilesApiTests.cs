using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Domains.Music.Midi;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LatentWorkbench.Web.Tests.Apis;

/// <summary>Items read from and written to files over REST, as the Explore upload and the CLI's --from / --out do (no model needed).</summary>
public sealed class ItemFilesApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private HttpClient Client() => factory.WithWebHostBuilder(b => b.UseSetting("Storage:Database",
        Path.Combine(Path.GetTempPath(), $"latent-files-{Guid.NewGuid():N}.db"))).CreateClient();

    private static async Task<HttpResponseMessage> Upload(HttpClient client, string domain, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        return await client.PostAsync($"/api/domains/{domain}/read", form);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Music_ReadGivesTheClipsByTheirBars_AndFileWritesAClipAsMidiThatReadsBackTheSame()
    {
        var client = Client();
        // Four bars of quarter notes, in a 1/4 meter no clip can have: cut as 4/4, and each clip says so.
        var notes = Enumerable.Range(0, 16).Select(i => new ClipNote(i * 12, 60 + i % 7, 12, 80)).ToList();
        var score = ClipMidi.ToScore(new Clip(4, 4, notes)) with { TimeSignatures = [new TimeSignatureChange(0, 1, 4)] };
        var read = await Upload(client, "music", MidiWriter.Write(score), "my-tune.mid");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var body = await Json(read);
        Assert.Equal("my-tune.mid", body.GetProperty("file").GetString());
        var items = body.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(["my-tune, bars 1-2", "my-tune, bars 3-4"], items.Select(i => i.GetProperty("name").GetString()));
        Assert.Contains("cut as 4/4", items[0].GetProperty("note").GetString());
        Assert.Equal(0, body.GetProperty("first_choice").GetInt32());
        var clip = items[1].GetProperty("text").GetString()!;
        Assert.NotNull(ClipText.Parse(clip).Clip);

        var file = await client.GetAsync($"/api/domains/music/file?item={Uri.EscapeDataString(clip)}&name=second");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("audio/midi", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("second.mid", file.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var midi = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal("MThd", System.Text.Encoding.ASCII.GetString(midi, 0, 4));
        var again = (await Json(await Upload(client, "music", midi, "second.mid"))).GetProperty("items")[0].GetProperty("text").GetString();
        Assert.Equal(clip, again);

        // A file that opens with a bar of rest: its first fully sounding clip is the one offered.
        var pickup = ClipMidi.ToMidiBytes(new Clip(4, 4, Enumerable.Range(4, 12).Select(i => new ClipNote(i * 12, 60, 12, 80)).ToList()));
        Assert.Equal(1, (await Json(await Upload(client, "music", pickup, "pickup.mid"))).GetProperty("first_choice").GetInt32());
    }

    [Fact]
    public async Task Molecules_ReadGivesEveryRecord_AndFileOffersSmilesOrSdf()
    {
        var client = Client();
        var read = await Json(await Upload(client, "molecules", "CCO ethanol\nc1ccccc1O phenol\n"u8.ToArray(), "two.smi"));
        Assert.Equal(["ethanol", "phenol"], read.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.Equal("CCO", read.GetProperty("items")[0].GetProperty("text").GetString());

        var sdf = await client.GetAsync("/api/domains/molecules/file?item=OCC&extension=sdf");
        Assert.Equal(HttpStatusCode.OK, sdf.StatusCode);
        Assert.Contains("M  END", await sdf.Content.ReadAsStringAsync());
        Assert.Equal("item.sdf", sdf.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var smiles = await client.GetAsync("/api/domains/molecules/file?item=OCC");
        Assert.StartsWith("CCO", await smiles.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/domains/molecules/file?item=C1CC", "position")]
    [InlineData("/api/domains/molecules/file?item=CCO&extension=xyz", ".smi, .sdf")]
    [InlineData("/api/domains/molecules/file?item=CCO&name=..%2F..%2Fetc%2Fpasswd", "plain file name")]
    [InlineData("/api/domains/molecules/file", "item must hold")]
    [InlineData("/api/domains/nothing/file?item=CCO", "Unknown domain")]
    public async Task File_BadRequests_AreProblemsThatSayWhat(string url, string said)
    {
        var response = await Client().GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(said, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Read_AFileTheDomainCannotRead_IsABadRequestNamingWhy()
    {
        var client = Client();
        var garbage = await Upload(client, "music", "not a MIDI file at all"u8.ToArray(), "broken.mid");
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("broken.mid", (await Json(garbage)).GetProperty("detail").GetString());
        var empty = await Upload(client, "molecules", [], "empty.smi");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var noFile = await client.PostAsync("/api/domains/music/read", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
    }
}
