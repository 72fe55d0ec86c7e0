using Bunit;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Domains.Molecules;
using LatentWorkbench.Web.Components.Pages.Explore;
using LatentWorkbench.Web.Components.Shared;
using LatentWorkbench.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LatentWorkbench.Web.Tests.Components;

[Collection(ToyComponentCollection.Name)]
public sealed class ExploreTests(ToyModelFixture toy)
{
    private const string From = "[data-test=from] input, input[data-test=from]";
    private const string To = "[data-test=to] input, input[data-test=to]";

    private static IRenderedComponent<Explore> Render(BunitContext context, string domain = "toy")
    {
        context.Render<MudPopoverProvider>();
        return context.Render<Explore>(p => p.Add(x => x.DomainId, domain));
    }

    [Fact]
    public async Task Explore_StartsWithTwoSamples_AndCanRun()
    {
        await using var context = ToyContext.Create(toy);
        var cut = Render(context);
        Assert.Equal("ABC", cut.Find(From).GetAttribute("value"));
        Assert.Equal("HAHA", cut.Find(To).GetAttribute("value"));
        Assert.False(cut.Find("[data-test=interpolate]").HasAttribute("disabled"));
        // The lists show which samples these are (music's defaults are known by their names, not their tokens).
        Assert.Equal("s0", cut.Find("[data-test=from-pick]").GetAttribute("value"));
        Assert.Equal("s1", cut.Find("[data-test=to-pick]").GetAttribute("value"));
    }

    [Fact]
    public async Task Explore_InvalidItem_ShowsThePositionAndDisablesTheButton()
    {
        await using var context = ToyContext.Create(toy);
        var cut = Render(context);
        cut.Find(From).Input("ABZ");
        cut.WaitForAssertion(() => Assert.Contains("position 2", cut.Markup));
        Assert.True(cut.Find("[data-test=interpolate]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Explore_MoveA_WalksAlongTheAttribute_WithCaptionsInItsUnits()
    {
        await using var context = ToyContext.Create(toy);
        var cut = Render(context);
        cut.Find("[data-test=move-amount] input, input[data-test=move-amount]").Change("-2");
        cut.Find("[data-test=move]").Click();
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll(".path-card").Count), TimeSpan.FromSeconds(30));
        Assert.Equal(["Share of A 0", "Share of A -0.5", "Share of A -1.0", "Share of A -1.5", "Share of A -2.0"],
            cut.FindAll("[data-test=point-caption]").Select(c => c.TextContent));
        Assert.Contains("Along Share of A", cut.Markup);
        Assert.Empty(cut.FindAll("[data-test=path-player]"));
    }

    [Fact]
    public async Task Explore_PickingASample_FillsTheField()
    {
        await using var context = ToyContext.Create(toy);
        var cut = Render(context);
        cut.Find("[data-test=from-pick]").Change("s1");
        cut.WaitForAssertion(() => Assert.Equal("HAHA", cut.Find(From).GetAttribute("value")));
        Assert.Equal("s1", cut.Find("[data-test=from-pick]").GetAttribute("value"));
        cut.Find(From).Input("ABBA");
        cut.WaitForAssertion(() => Assert.Equal("", cut.Find("[data-test=from-pick]").GetAttribute("value")));
    }

    [Fact]
    public async Task Explore_Interpolate_ShowsCardsChartAndExports_AndSavesTheSession()
    {
        await using var context = ToyContext.Create(toy);
        var cut = Render(context);
        cut.Find("[data-test=interpolate]").Click();
        cut.WaitForAssertion(() => Assert.Equal(8, cut.FindAll(".path-card").Count), TimeSpan.FromSeconds(30));
        Assert.Contains("sim from", cut.Markup);
        Assert.NotEmpty(cut.FindAll("[data-test=property-chart] polyline"));
        var session = Assert.Single(context.Services.GetRequiredService<SessionStore>().List(ItemAccess.Everyone, "toy"));
        Assert.Equal($"api/sessions/{session.Id}/export?format=csv", cut.Find("[data-test=export-csv]").GetAttribute("href"));
        Assert.NotEmpty(cut.FindAll("[data-test=decoding]"));
        Assert.Equal("greedy", SessionStore.RequestOf<InterpolationRun>(session)!.Decoding);
        Assert.Equal("abc → hah", session.Title); // the samples by their names, not their texts

        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("session", session.Id));
        var reopened = context.Render<Explore>(p => p.Add(x => x.DomainId, "toy"));
        Assert.Equal(8, reopened.FindAll(".path-card").Count);
    }

    [Fact]
    public async Task Explore_SmoothPathAndConsistentDecoding_RunAndAreRememberedWithTheSession()
    {
        await using var context = ToyContext.Create(toy);
        var cut = Render(context);
        cut.Find("input[data-test=smooth]").Change(true);
        var decoding = cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Decoding");
        await cut.InvokeAsync(() => decoding.Instance.ValueChanged.InvokeAsync("consistent"));
        cut.Find("[data-test=interpolate]").Click();
        cut.WaitForAssertion(() => Assert.Equal(8, cut.FindAll(".path-card").Count), TimeSpan.FromSeconds(30));
        var session = Assert.Single(context.Services.GetRequiredService<SessionStore>().List(ItemAccess.Everyone, "toy"));
        Assert.True(SessionStore.RequestOf<InterpolationRun>(session)!.Smooth);
        Assert.Equal("consistent", SessionStore.RequestOf<InterpolationRun>(session)!.Decoding);
    }

    [Fact]
    public async Task Explore_SampleAround_ShowsCardsComparedWithA_AndSavesNoSession()
    {
        await using var context = ToyContext.Create(toy);
        var cut = Render(context);
        cut.Find("input[data-test=around-count], [data-test=around-count] input").Change("5");
        cut.Find("[data-test=sample-around]").Click();
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll(".path-card").Count), TimeSpan.FromSeconds(30));
        Assert.Contains("sample 5", cut.Markup);
        Assert.Contains("sim start", cut.Markup);
        Assert.DoesNotContain("sim from", cut.Markup);
        Assert.Empty(cut.FindAll("[data-test=export-csv]"));
        Assert.Empty(context.Services.GetRequiredService<SessionStore>().List(ItemAccess.Everyone, "toy"));

        cut.Find(From).Input("ABZ");
        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-test=sample-around]").HasAttribute("disabled")));
    }

    [Fact]
    public async Task Explore_UploadedSmiFile_FillsTheField_AndABadFileSaysWhy()
    {
        await using var context = ToyContext.Create(toy, [new MoleculesModule()]);
        var cut = Render(context, "molecules");
        cut.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromText("# header\nCCO ethanol\n", "two.smi"));
        cut.WaitForAssertion(() => Assert.Equal("CCO", cut.Find(From).GetAttribute("value")));
        cut.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromText("CCO", "notes.txt"));
        cut.WaitForAssertion(() => Assert.Contains("not '.txt'", cut.Find("[data-test=from-upload-error]").TextContent));
    }

    [Fact]
    public async Task Explore_UploadOfSeveralItems_OffersEachPart_AndPreviewsTheChosenOne()
    {
        await using var context = ToyContext.Create(toy, [new MoleculesModule()]);
        var cut = Render(context, "molecules");
        cut.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromText("CCO ethanol\nc1ccccc1O phenol\nCC(=O)O acetic acid\n", "three.smi"));
        cut.WaitForAssertion(() => Assert.Equal(["ethanol", "phenol", "acetic acid"], cut.FindAll("[data-test=from-part] option").Select(o => o.TextContent)));
        Assert.Equal("CCO", cut.Find(From).GetAttribute("value"));
        cut.Find("[data-test=from-part]").Change("1");
        cut.WaitForAssertion(() => Assert.Equal("c1ccccc1O", cut.Find(From).GetAttribute("value")));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-test=from-preview]")));
        // Choosing a sample instead leaves the file's parts behind.
        cut.Find("[data-test=from-pick]").Change("s0");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=from-part]")));
    }

    [Fact]
    public async Task Explore_Music_LeadsWithFilesAndSamples_TheTokensSitBehindAdvanced()
    {
        await using var context = ToyContext.Create(toy, [new LatentWorkbench.Domains.Music.MusicModule()]);
        var cut = Render(context, "music");
        Assert.Empty(cut.FindAll(From));
        Assert.NotEmpty(cut.FindAll("[data-test=from-upload]"));
        Assert.Contains("bars 1-2 (jazz)", cut.Find("[data-test=from-pick]").TextContent);
        // The default pair is a jazz clip and a classical one, each shown by its name.
        var samples = new LatentWorkbench.Domains.Music.MusicModule().Samples;
        var (a, b) = (int.Parse(cut.Find("[data-test=from-pick]").GetAttribute("value")![1..]), int.Parse(cut.Find("[data-test=to-pick]").GetAttribute("value")![1..]));
        Assert.Contains("jazz", samples[a].Tags);
        Assert.Contains("classical", samples[b].Tags);
        Assert.NotEmpty(cut.FindAll("[data-test=from-preview] .clip-view svg"));
        Assert.NotEmpty(cut.FindAll("audio[data-test=from-audio]"));
        cut.Find("input[data-test=from-advanced]").Change(true);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(From)));
    }

    [Fact]
    public async Task Explore_Music_AFileThatOpensWithARest_OffersItsFirstFullySoundingClip()
    {
        await using var context = ToyContext.Create(toy, [new LatentWorkbench.Domains.Music.MusicModule()]);
        var cut = Render(context, "music");
        var notes = Enumerable.Range(4, 12).Select(i => new LatentWorkbench.Domains.Music.Clips.ClipNote(i * 12, 60 + i % 7, 12, 80)).ToList();
        var bytes = LatentWorkbench.Domains.Music.Clips.ClipMidi.ToMidiBytes(new LatentWorkbench.Domains.Music.Clips.Clip(4, 4, notes));
        cut.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromBinary(bytes, "pickup.mid"));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-test=from-part] option").Count));
        Assert.True(cut.FindAll("[data-test=from-part] option")[1].HasAttribute("selected"));
        Assert.Contains("pickup, bars 3-4", cut.FindAll("[data-test=from-part] option")[1].TextContent);

        // The input tells its page the name of what was chosen, for session titles.
        var named = new List<string>();
        var input = context.Render<ItemInput>(p => p.Add(x => x.Domain, new LatentWorkbench.Domains.Music.MusicModule())
            .Add(x => x.Named, (LatentWorkbench.Core.Domains.SampleItem item) => named.Add(item.Name)));
        input.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(bytes, "pickup.mid"));
        input.WaitForAssertion(() => Assert.Equal(["pickup, bars 3-4"], named));
    }

    [Fact]
    public void SessionTitles_NameItems_AsTheUserChoseThem()
    {
        var music = new LatentWorkbench.Domains.Music.MusicModule();
        var sample = music.Samples[0];
        const string clip = "M4 BAR P0 N60 D24 V3 BAR P0 N62 D24 V3";
        var names = new Dictionary<string, string> { [clip] = "my-tune, bars 3-4" };
        Assert.Equal("my-tune, bars 3-4", ItemChecks.NameOf(music, clip, null, names)); // a part of an uploaded file
        Assert.Equal(ItemChecks.Short(sample.Name, 48), ItemChecks.NameOf(music, sample.Text)); // a sample
        var library = new[] { new LibraryItem(1, "music", "warm-up", clip, [], new Dictionary<string, double>(), DateTimeOffset.UtcNow) };
        Assert.Equal("warm-up", ItemChecks.NameOf(music, clip, library)); // a library item
        Assert.Equal(ItemChecks.Short(clip, 48), ItemChecks.NameOf(music, clip)); // nothing known: its first characters
        Assert.Equal("my-tune, bars 3-4 → " + ItemChecks.Short(sample.Name, 48),
            new InterpolationRun(clip, sample.Text, 8, "slerp").Title(music, null, names));
    }

    [Fact]
    public async Task Explore_Music_AFileInAMeterNoClipCanHave_SaysItWasCutAs44()
    {
        await using var context = ToyContext.Create(toy, [new LatentWorkbench.Domains.Music.MusicModule()]);
        var cut = Render(context, "music");
        var notes = Enumerable.Range(0, 16).Select(i => new LatentWorkbench.Domains.Music.Clips.ClipNote(i * 12, 60 + i % 7, 12, 80)).ToList();
        var score = LatentWorkbench.Domains.Music.Clips.ClipMidi.ToScore(new LatentWorkbench.Domains.Music.Clips.Clip(4, 4, notes))
            with { TimeSignatures = [new LatentWorkbench.Domains.Music.Midi.TimeSignatureChange(0, 1, 4)] };
        var bytes = LatentWorkbench.Domains.Music.Midi.MidiWriter.Write(score);
        cut.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromBinary(bytes, "one-four.mid"));
        cut.WaitForAssertion(() => Assert.Equal("A clip cannot be in this file's time signature (1/4); it was cut as 4/4.", cut.Find("[data-test=from-note]").TextContent));
        Assert.Equal(2, cut.FindAll("[data-test=from-part] option").Count);
    }
}
