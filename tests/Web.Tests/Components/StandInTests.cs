using System.Text.Json;
using Bunit;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Apis.Responses;
using LatentWorkbench.Web.Components.Shared;
using MudBlazor.Services;

namespace LatentWorkbench.Web.Tests.Components;

/// <summary>A path end that is not the user's item says so: on its card, in the API's point and in the CLI's JSON.</summary>
public sealed class StandInTests : IAsyncLifetime
{
    private const string Note = "the model cannot represent this item; the path starts from its nearest decodable neighbour";
    private readonly BunitContext _context = new();
    private readonly ToyDomain _domain = new();

    public StandInTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
    }

    private static LatentPoint Point(StandIn? standIn) => new(0, "ABA", true, null,
        new Dictionary<string, double> { ["a_share"] = ToyDomain.AShare("ABA"), ["length"] = 3 }, new Dictionary<string, double> { ["from"] = 0.5 },
        1.25, null, []) { StandsIn = standIn };

    [Fact]
    public void PointCard_StandIn_ShowsTheGivenItemBesideTheDecode_WithSimilarityOodAndTheSentence()
    {
        var cut = _context.Render<PointCard>(p => p.Add(c => c.Domain, _domain).Add(c => c.Point, Point(new StandIn("ABCD", 0.5, Note))));
        var warning = cut.Find("[data-test=stands-in]").TextContent;
        Assert.Contains("The model cannot represent this item; the path starts from its nearest decodable neighbour.", warning);
        Assert.Contains("similarity 0.50", warning);
        Assert.Contains("OOD score 1.25", warning);
        Assert.Equal("ABCD", cut.Find("[data-test=given-text]").TextContent);
    }

    [Fact]
    public void PointCard_StandInOfAClip_PlaysTheGivenClip_AndKeepsItsTokensOutOfSight()
    {
        const string given = "M4 BAR P0 N60 D24 V3 P24 N64 D24 V3";
        var music = new LatentWorkbench.Domains.Music.MusicModule();
        var point = new LatentPoint(0, "M4 BAR P0 N62 D24 V3", true, null, new Dictionary<string, double>(), new Dictionary<string, double> { ["from"] = 0.4 },
            1.1, null, []) { StandsIn = new StandIn(given, 0.4, Note) };
        var cut = _context.Render<PointCard>(p => p.Add(c => c.Domain, music).Add(c => c.Point, point));
        var item = cut.Find("[data-test=given-item]");
        Assert.Equal(PointCard.AudioUrl(music, given), item.QuerySelector("[data-test=given-audio]")?.GetAttribute("src"));
        Assert.DoesNotContain("N60", item.TextContent);
        Assert.Null(item.QuerySelector("[data-test=given-text]"));
        // The decoded clip downloads as a MIDI file named after the card's caption.
        Assert.Equal(PointCard.FileUrl(music, point.Text, "t = 0.43"), _context.Render<PointCard>(p => p.Add(c => c.Domain, music).Add(c => c.Point, point)
            .Add(c => c.Caption, "t = 0.43")).Find("[data-test=download]").GetAttribute("href"));
        Assert.EndsWith("&name=t-0.43", PointCard.FileUrl(music, point.Text, "t = 0.43"));
    }

    [Fact]
    public void PointCard_TheUsersOwnItem_ShowsNoWarning()
    {
        var cut = _context.Render<PointCard>(p => p.Add(c => c.Domain, _domain).Add(c => c.Point, Point(null)));
        Assert.Empty(cut.FindAll("[data-test=stands-in]"));
        Assert.Empty(cut.FindAll("[data-test=given-item]"));
        Assert.Empty(cut.FindAll("[data-test=download]")); // the toy domain keeps its items as text only
    }

    [Fact]
    public void Responses_StandIn_CarryTheGivenItem_InTheApiAndTheCli()
    {
        var point = Point(new StandIn("ABCD", 0.5, Note));
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        var api = JsonDocument.Parse(JsonSerializer.Serialize(PointResponse.Of(_domain, point), options)).RootElement.GetProperty("stands_in_for");
        Assert.Equal("ABCD", api.GetProperty("item").GetString());
        Assert.Equal(0.5, api.GetProperty("similarity").GetDouble());
        Assert.Equal(Note, api.GetProperty("note").GetString());
        var cli = (Dictionary<string, object?>)PointJson.Of(_domain, point)["stands_in_for"]!;
        Assert.Equal("ABCD", cli["item"]);
        Assert.Contains("note: " + Note + ": ABCD (similarity 0.50, OOD score 1.25)", PointJson.Line(point));

        var plain = JsonDocument.Parse(JsonSerializer.Serialize(PointResponse.Of(_domain, Point(null)), options)).RootElement;
        Assert.False(plain.TryGetProperty("stands_in_for", out _));
        Assert.False(PointJson.Of(_domain, Point(null)).ContainsKey("stands_in_for"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _context.DisposeAsync().AsTask();
}
