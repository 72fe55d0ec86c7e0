using System.Net.Http.Headers;
using LatentWorkbench.Storage.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LatentWorkbench.Web.Tests.Accounts;

/// <summary>
/// The toy web app with sign-in on and one user per role (plus a second viewer and editor), each with a password
/// (<see cref="Password"/>) and an API key.
/// </summary>
public class SignInWebFactory : ToyWebFactory
{
    /// <summary>Every seeded user's password.</summary>
    public const string Password = "correct horse battery";

    private readonly Dictionary<string, (string Id, string Key)> _users = [];

    /// <summary>API requests per minute per user; the rate-limit tests use a small one.</summary>
    protected virtual int RequestsPerMinute => 100_000;

    /// <summary>The seeded users' names: one per role, and a second viewer and editor.</summary>
    public static readonly string[] UserNames = ["viewer", "editor", "admin", "viewer2", "editor2"];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:Enabled", "true");
        builder.UseSetting("Auth:RequestsPerMinute", RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Auth:AdminUserName", "admin");
        builder.UseSetting("Auth:AdminPassword", Password);
    }

    /// <summary>The id of the seeded user <paramref name="name"/>.</summary>
    public string IdOf(string name) => User(name).Id;

    /// <summary>A client (no redirects followed) that sends the API key of <paramref name="name"/>, or none for null.</summary>
    public HttpClient ClientOf(string? name)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (name is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", User(name).Key);
        return client;
    }

    private (string Id, string Key) User(string name)
    {
        lock (_users)
        {
            if (_users.Count == 0) Seed();
            return _users[name];
        }
    }

    // The admin is made at start-up from the configuration (as on a real server); the others as an admin would.
    private void Seed()
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchUser>>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountStore>();
        foreach (var name in UserNames)
        {
            var user = users.FindByNameAsync(name).GetAwaiter().GetResult();
            if (user is null)
            {
                user = new WorkbenchUser { UserName = name, Role = name.TrimEnd('2') };
                var made = users.CreateAsync(user, Password).GetAwaiter().GetResult();
                if (!made.Succeeded) throw new InvalidOperationException(string.Join(" ", made.Errors.Select(e => e.Description)));
            }
            _users[name] = (user.Id, accounts.CreateKey(user.Id, "tests").Secret);
        }
    }
}
