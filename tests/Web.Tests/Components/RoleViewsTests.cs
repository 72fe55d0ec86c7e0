using Bunit;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Storage;
using LatentWorkbench.Storage.Accounts;
using LatentWorkbench.Web.Components.Pages.Models;
using LatentWorkbench.Web.Components.Pages.Sessions;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using LibraryPage = LatentWorkbench.Web.Components.Pages.Library.Library;

namespace LatentWorkbench.Web.Tests.Components;

/// <summary>With sign-in on, pages offer only what the user's role allows, and show their own and shared items.</summary>
[Collection(ToyComponentCollection.Name)]
public sealed class RoleViewsTests(ToyModelFixture toy)
{
    [Fact]
    public async Task Library_ForAViewer_ShowsTheLabsAndSharedItems_WithoutAddingOrRemoving()
    {
        await using var context = ToyContext.Create(toy, signedIn: ("vera", WorkbenchRoles.Viewer));
        var library = context.Services.GetRequiredService<LibraryStore>();
        library.Add(ItemAccess.Everyone, "toy", "ABBA", "lab's");
        var shared = library.Add(ItemAccess.User("eddie"), "toy", "CHAD", "eddie's shared", shared: true);
        library.Add(ItemAccess.User("eddie"), "toy", "EDDA", "eddie's own");
        context.Render<MudPopoverProvider>();
        var cut = context.Render<LibraryPage>(p => p.Add(x => x.DomainId, "toy"));

        Assert.Contains("2 item(s)", cut.Find("[data-test=count]").TextContent);
        Assert.DoesNotContain("eddie's own", cut.Markup);
        Assert.Contains(shared.Name, cut.Markup);
        Assert.Empty(cut.FindAll("[data-test=add-button]"));
        Assert.Empty(cut.FindAll("[data-test=remove]"));
        Assert.Empty(cut.FindAll("[data-test=shared]"));
    }

    [Fact]
    public async Task Library_ForAnEditor_AddsTheirOwnItem_AndSharesIt()
    {
        await using var context = ToyContext.Create(toy, signedIn: ("eddie", WorkbenchRoles.Editor));
        context.Services.GetRequiredService<LibraryStore>().Add(ItemAccess.Everyone, "toy", "ABBA", "lab's");
        context.Render<MudPopoverProvider>();
        var cut = context.Render<LibraryPage>(p => p.Add(x => x.DomainId, "toy"));
        Assert.Empty(cut.FindAll("[data-test=remove]")); // the lab's item is an admin's to remove

        cut.Find("[data-test=add] input, input[data-test=add]").Input("CHAD");
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-test=add-button]").HasAttribute("disabled")));
        cut.Find("[data-test=add-button]").Click();
        cut.WaitForAssertion(() => Assert.Contains("2 item(s)", cut.Find("[data-test=count]").TextContent));
        var mine = context.Services.GetRequiredService<LibraryStore>().List(ItemAccess.User("eddie"), "toy").Single(i => i.Text == "CHAD");
        Assert.Equal("eddie", mine.Owner);
        Assert.False(mine.Shared);

        cut.Find("input[data-test=shared], [data-test=shared] input").Change(true);
        cut.WaitForAssertion(() => Assert.True(context.Services.GetRequiredService<LibraryStore>().Get(ItemAccess.User("vera"), mine.Id)?.Shared));
        Assert.Single(cut.FindAll("[data-test=remove]"));
    }

    [Fact]
    public async Task Models_ForAViewer_OffersNoTrainingEvaluationOrSwitch()
    {
        await using var context = ToyContext.Create(toy, signedIn: ("vera", WorkbenchRoles.Viewer));
        var cut = context.Render<Models>();
        Assert.Contains("active", cut.Find("[data-domain=toy] [data-test=model]").TextContent);
        Assert.Empty(cut.FindAll("[data-test=train-form]"));
        Assert.Empty(cut.FindAll("[data-test=evaluation]"));
    }

    [Fact]
    public async Task Sessions_ShowsTheUsersOwnAndTheLabs_AndRemovesOnlyTheirOwn()
    {
        await using var context = ToyContext.Create(toy, signedIn: ("vera", WorkbenchRoles.Viewer));
        var sessions = context.Services.GetRequiredService<SessionStore>();
        sessions.Save(ItemAccess.User("vera"), SessionStore.Interpolation, "toy", "vera's", new { }, Array.Empty<int>());
        sessions.Save(ItemAccess.Everyone, SessionStore.Interpolation, "toy", "lab's", new { }, Array.Empty<int>());
        sessions.Save(ItemAccess.User("eddie"), SessionStore.Interpolation, "toy", "eddie's", new { }, Array.Empty<int>());
        var cut = context.Render<Sessions>();
        Assert.Equal(2, cut.FindAll("[data-test=session]").Count);
        Assert.DoesNotContain("eddie's", cut.Markup);
        cut.Find("[data-test=remove]").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-test=session]")));
        Assert.Contains("lab's", cut.Markup);
    }
}
