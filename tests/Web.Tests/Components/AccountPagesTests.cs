using Bunit;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Storage.Accounts;
using LatentWorkbench.Web.Accounts;
using LatentWorkbench.Web.Components.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LatentWorkbench.Web.Tests.Components;

/// <summary>The Account page's API keys and the admin's Users page, with sign-in on.</summary>
[Collection(ToyComponentCollection.Name)]
public sealed class AccountPagesTests(ToyModelFixture toy)
{
    private static BunitContext SignedIn(ToyModelFixture toy, string id, string role)
    {
        var context = ToyContext.Create(toy, signedIn: (id, role));
        context.Services.AddSingleton(new SignInSettings { Enabled = true });
        context.Services.AddIdentityCore<WorkbenchUser>(AccountSetup.IdentityRules).AddUserStore<WorkbenchUserStore>();
        return context;
    }

    [Fact]
    public async Task Account_MakesAKeyShownOnce_AndRevokesIt()
    {
        await using var context = SignedIn(toy, "vera-id", WorkbenchRoles.Viewer);
        var accounts = context.Services.GetRequiredService<AccountStore>();
        accounts.Create(new WorkbenchUser { Id = "vera-id", UserName = "vera", NormalizedUserName = "VERA" });
        var cut = context.Render<Profile>();

        cut.Find("[data-test=key-name] input, input[data-test=key-name]").Change("laptop");
        cut.Find("[data-test=make-key]").Click();
        var secret = cut.Find("[data-test=new-key] code").TextContent;
        Assert.Equal("vera-id", accounts.FindByKey(secret)!.Id);
        Assert.Contains("laptop", cut.Find("[data-test=keys]").TextContent);

        cut.Find("[data-test=keys] button").Click();
        cut.WaitForAssertion(() => Assert.DoesNotContain("laptop", cut.Find("[data-test=keys]").TextContent));
        Assert.Null(accounts.FindByKey(secret));
    }

    [Fact]
    public async Task Users_AddsAUserWhoCanSignIn_AndRefusesAShortPassword()
    {
        await using var context = SignedIn(toy, "root", WorkbenchRoles.Admin);
        context.Render<MudPopoverProvider>();
        var users = context.Services.GetRequiredService<UserManager<WorkbenchUser>>();
        await users.CreateAsync(new WorkbenchUser { Id = "root", UserName = "root", Role = WorkbenchRoles.Admin }, "a long admin password");
        var cut = context.Render<Users>();

        cut.Find("[data-test=user-name] input, input[data-test=user-name]").Change("ed");
        cut.Find("[data-test=user-password] input, input[data-test=user-password]").Change("short");
        cut.Find("[data-test=add-user]").Click();
        Assert.Contains("at least 10", cut.Find("[data-test=users-message]").TextContent);

        cut.Find("[data-test=user-password] input, input[data-test=user-password]").Change("long enough now");
        cut.Find("[data-test=add-user]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Added ed", cut.Find("[data-test=users-message]").TextContent));
        var ed = await users.FindByNameAsync("ed");
        Assert.NotNull(ed);
        Assert.Equal(WorkbenchRoles.Viewer, ed.Role);
        Assert.True(await users.CheckPasswordAsync(ed, "long enough now"));
        Assert.Contains("ed", cut.Find("[data-test=users]").TextContent);
    }
}
