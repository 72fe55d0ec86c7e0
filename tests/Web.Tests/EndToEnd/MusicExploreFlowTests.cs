using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Domains.Music.Midi;
using Microsoft.Playwright;

namespace LatentWorkbench.Web.Tests.EndToEnd;

/// <summary>
/// A musician's Explore in a real browser: upload a MIDI file, choose its bars, interpolate to a sample, play the
/// whole path with a playhead on the cards, and download the path as one MIDI file.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MusicExploreFlowTests(BrowserFixture browser) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-e2e-music-").FullName;

    [SkippableFact]
    public async Task Music_UploadPickBars_Interpolate_PlayThePath_AndDownloadOneMidiFile()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        BrowserFixture.SkipWithoutMusicModel();
        // Six bars of 4/4: a rising line, then a falling one, then repeated notes; three clips of two bars.
        var notes = Enumerable.Range(0, 24).Select(i => new ClipNote(i * 12, i < 8 ? 60 + i : i < 16 ? 76 - i : 64, 10, 90)).ToList();
        var upload = Path.Combine(_folder, "my-tune.mid");
        File.WriteAllBytes(upload, MidiWriter.Write(ClipMidi.ToScore(new LatentWorkbench.Domains.Music.Clips.Clip(4, 6, notes))));

        var page = await browser.OpenAsync("explore/music");
        Assert.Equal(0, await page.Locator("[data-test=from] input, input[data-test=from]").CountAsync()); // the tokens sit behind "advanced"
        await page.Locator("[data-test=from-upload]").SetInputFilesAsync(upload);
        var parts = page.Locator("[data-test=from-part]");
        // The upload is read and cut on the server (the first time in a fresh app, while its code warms up).
        await Assertions.Expect(parts.Locator("option")).ToHaveCountAsync(3, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });
        Assert.Equal(["my-tune, bars 1-2", "my-tune, bars 3-4", "my-tune, bars 5-6"], await parts.Locator("option").AllTextContentsAsync());
        await parts.SelectOptionAsync(new SelectOptionValue { Label = "my-tune, bars 3-4" });
        await Assertions.Expect(page.Locator("[data-test=from-preview] .clip-view svg")).ToBeVisibleAsync();
        await PageActions.PickAsync(page, "[data-test=to-pick]", "(classical)");
        await page.Locator("[data-test=interpolate]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-test=path] .clip-view svg').length >= 5");

        // The whole path plays as one piece, and a playhead moves onto the cards.
        var player = page.Locator("[data-test=path-audio]");
        var duration = await player.EvaluateAsync<double>("""
            el => new Promise((resolve, reject) => {
              if (el.readyState >= 1) { resolve(el.duration); return; }
              el.addEventListener('loadedmetadata', () => resolve(el.duration), { once: true });
              el.addEventListener('error', () => reject(new Error('audio failed: ' + (el.error && el.error.code))), { once: true });
              el.load();
            })
            """);
        Assert.True(duration > 8, $"the path's audio lasts {duration} s");
        await player.EvaluateAsync("el => { el.muted = true; return el.play(); }");
        await page.Locator(".path-step.playing").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

        // The whole path downloads as one MIDI file.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-test=export-mid]").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var score = MidiScore.FromBytes(bytes);
        Assert.True(score.AllNotes().Count >= 20, $"{score.AllNotes().Count} notes in the downloaded path");

        // And each card downloads its own clip.
        var one = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-test=path] [data-test=download]").Nth(1).ClickAsync());
        Assert.EndsWith(".mid", one.SuggestedFilename);
        Assert.NotEmpty(MidiScore.FromBytes(await File.ReadAllBytesAsync((await one.PathAsync())!)).AllNotes());
        await browser.ScreenshotAsync(page, "music-explore-upload");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
