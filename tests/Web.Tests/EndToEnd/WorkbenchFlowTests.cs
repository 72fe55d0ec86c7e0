using Microsoft.Playwright;

namespace LatentWorkbench.Web.Tests.EndToEnd;

/// <summary>End-to-end flows in a real browser against the real app and the default models.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkbenchFlowTests(BrowserFixture browser)
{
    private const string From = "[data-test=from] input, input[data-test=from]";
    private const string To = "[data-test=to] input, input[data-test=to]";

    [SkippableFact]
    public async Task EveryPage_HasTheAppIcon_AndNoFailedRequest()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var page = await browser.OpenAsync("");
        var failed = new List<string>();
        page.RequestFailed += (_, r) => failed.Add(r.Url);
        page.Response += (_, r) => { if (r.Status >= 400) failed.Add($"{r.Status} {r.Url}"); };
        var icon = await page.EvaluateAsync<string>("() => document.querySelector('link[rel=icon]').href");
        var answer = await page.APIRequest.GetAsync(icon);
        Assert.Equal(200, answer.Status);
        Assert.Contains("<svg", await answer.TextAsync());
        foreach (var path in new[] { "library/molecules", "sessions", "models", "plugins" })
        {
            await page.GotoAsync(new Uri(browser.App.BaseAddress, path).ToString());
            await page.Locator("[data-test=circuit][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        }
        Assert.Empty(failed);
    }

    [SkippableFact]
    public async Task Molecules_InterpolateShowsDepictions_ThenNavigateTowardHigherQed()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var page = await browser.OpenAsync("explore/molecules");
        await page.Locator(From).FillAsync("CC(=O)Oc1ccccc1C(=O)O");
        await page.Locator(To).FillAsync("CN1CCCC1c1cccnc1");
        await page.Locator("[data-test=interpolate]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-test=point-card]').length >= 5");
        await browser.ScreenshotAsync(page, "molecules-explore");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.molecule-depiction svg').length >= 5");
        Assert.True(await page.Locator(".molecule-depiction svg").CountAsync() >= 5);
        await browser.ScreenshotAsync(page, "molecules-explore");

        await page.GotoAsync(new Uri(browser.App.BaseAddress, "navigate/molecules?start=" + Uri.EscapeDataString("CC(=O)Oc1ccccc1C(=O)O")).ToString());
        await page.Locator("[data-test=circuit][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        Assert.Equal("qed", await page.Locator("[data-test=objective-property]").InputValueAsync());
        Assert.Equal("max", await page.Locator("[data-test=objective-direction]").InputValueAsync());
        await page.Locator("[data-test=navigate]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=progress]")).ToContainTextAsync("Done", new() { Timeout = 120_000 });
        Assert.True(await page.Locator("[data-test=candidates] [data-test=point-card]").CountAsync() >= 1);
        await browser.ScreenshotAsync(page, "molecules-navigate");
    }

    [SkippableFact]
    public async Task Music_InterpolateJazzToClassical_ShowsPianoRollsAndPlaysWav()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        BrowserFixture.SkipWithoutMusicModel();
        var page = await browser.OpenAsync("explore/music");
        await PageActions.PickAsync(page, "[data-test=from-pick]", "(jazz)");
        await PageActions.PickAsync(page, "[data-test=to-pick]", "(classical)");
        await page.Locator("[data-test=interpolate]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.clip-view svg').length >= 5");
        var source = await page.Locator("audio[data-test=audio]").First.GetAttributeAsync("src");
        var response = await page.APIRequest.GetAsync(new Uri(browser.App.BaseAddress, source!).ToString());
        Assert.Equal(200, response.Status);
        var body = await response.BodyAsync();
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(body, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(body, 8, 4));
        await browser.ScreenshotAsync(page, "music-explore");
    }

    [SkippableFact]
    public async Task Models_ShowsTheDefaultModels()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var page = await browser.OpenAsync("models");
        await Assertions.Expect(page.Locator("[data-domain=molecules] [data-test=model][data-name=molecules]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-domain=music] [data-test=model], [data-domain=music] [data-test=no-model]").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "models");
    }

    [SkippableFact]
    public async Task Models_TrainAModelFromAnUpload_FollowItsJob_AndFindItAfterAReload()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        // Small chains and rings written here: enough for one short epoch.
        var smiles = Enumerable.Range(1, 12).SelectMany(n => new[] { new string('C', n) + "O", new string('C', n) + "N", "c1ccccc1" + new string('C', n), "C1CC1" + new string('C', n) + "O" });
        var upload = Path.Combine(browser.App.TrainingFolder, "upload.smi");
        await File.WriteAllLinesAsync(upload, smiles);

        var page = await browser.OpenAsync("models");
        var panel = page.Locator("[data-domain=molecules] [data-test=training]");
        await panel.Locator("[data-test=train-form] .mud-expand-panel-header").ClickAsync();
        await panel.Locator("[data-test=train-upload]").SetInputFilesAsync(upload);
        // The file streams over the page's live connection: on a busy 2-core runner that can take more than the default 5 s.
        await Assertions.Expect(panel.Locator("[data-test=train-message]")).ToContainTextAsync("Uploaded 1 file", new() { Timeout = 60_000 });
        await panel.Locator("[data-test=train-name] input, input[data-test=train-name]").FillAsync("browser-model");
        await panel.Locator("[data-test=train-epochs] input, input[data-test=train-epochs]").FillAsync("1");
        await panel.Locator("[data-test=train-epochs] input, input[data-test=train-epochs]").PressAsync("Tab");
        await panel.Locator("[data-test=train-start]").ClickAsync();
        var job = panel.Locator("[data-test=job]").First;
        await Assertions.Expect(job).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 180_000 });
        await Assertions.Expect(job.Locator("[data-test=job-chart]")).ToHaveCountAsync(4);
        await browser.ScreenshotAsync(page, "models-training");

        await page.ReloadAsync();
        await page.Locator("[data-test=circuit][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("[data-domain=molecules] [data-test=job][data-status=completed]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-domain=molecules] [data-test=model][data-name=browser-model]")).ToBeVisibleAsync();
    }
}
