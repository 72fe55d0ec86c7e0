using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LatentWorkbench.Storage.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LatentWorkbench.Web.Tests.Accounts;

/// <summary>Cookie sign-in through the sign-in page's form, API keys, and the first admin made from the configuration.</summary>
public sealed partial class SignInFlowTests(SignInWebFactory factory) : IClassFixture<SignInWebFactory>
{
    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> SignIn(HttpClient browser, string user, string password, string returnUrl)
    {
        var page = await browser.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        return await browser.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["userName"] = user, ["password"] = password, ["returnUrl"] = returnUrl,
        }));
    }

    [Fact]
    public async Task SignIn_WithTheRightPassword_OpensThePageAskedFor()
    {
        factory.IdOf("viewer");
        var browser = Browser();
        var before = await browser.GetAsync("/library");
        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.StartsWith("/account/login", before.Headers.Location!.PathAndQuery.Replace("http://localhost", ""));

        var signedIn = await SignIn(browser, "viewer", SignInWebFactory.Password, "/library");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/library", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/library")).StatusCode);
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/account");
        Assert.Equal("viewer", me.GetProperty("name").GetString());
        Assert.Equal(WorkbenchRoles.Viewer, me.GetProperty("role").GetString());
        Assert.True(me.GetProperty("sign_in_enabled").GetBoolean());
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_GoesBackToTheFormWithAnError_AndAForeignReturnUrlIsIgnored()
    {
        factory.IdOf("viewer");
        var browser = Browser();
        var wrong = await SignIn(browser, "viewer", "not the password", "/library");
        Assert.StartsWith("/account/login?error=1", wrong.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/library")).StatusCode);

        var foreign = await SignIn(browser, "viewer", SignInWebFactory.Password, "https://evil.example/");
        Assert.Equal("/", foreign.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithoutTheAntiforgeryToken_IsRefused()
    {
        var response = await Browser().PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "viewer", ["password"] = SignInWebFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ApiKey_Revoked_NoLongerSignsIn_AndAnUnknownKeyIsNamed()
    {
        var accounts = factory.Services.GetRequiredService<AccountStore>();
        var (key, secret) = accounts.CreateKey(factory.IdOf("viewer"), "to revoke");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account")).StatusCode);
        Assert.NotNull(accounts.Keys(factory.IdOf("viewer")).Single(k => k.Id == key.Id).LastUsed);

        Assert.True(accounts.RevokeKey(factory.IdOf("viewer"), key.Id));
        var refused = await client.GetAsync("/api/account");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("not known", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public void FirstAdmin_IsMadeFromTheConfiguration_AndKeysAreStoredOnlyAsHashes()
    {
        var accounts = factory.Services.GetRequiredService<AccountStore>();
        Assert.Equal(WorkbenchRoles.Admin, accounts.FindById(factory.IdOf("admin"))!.Role);
        var (_, secret) = accounts.CreateKey(factory.IdOf("admin"), "hash check");
        var database = factory.Services.GetRequiredService<LatentWorkbench.Storage.WorkbenchDatabase>();
        using var connection = database.Open();
        using var command = LatentWorkbench.Storage.WorkbenchDatabase.Command(connection, "SELECT COUNT(*) FROM api_keys WHERE hash = @s OR prefix = @s;", ("@s", secret));
        Assert.Equal(0L, (long)command.ExecuteScalar()!);
        Assert.StartsWith(AccountStore.KeyPrefix, secret);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
