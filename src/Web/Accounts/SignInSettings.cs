namespace LatentWorkbench.Web.Accounts;

/// <summary>
/// The <c>Auth</c> configuration section. Off by default: the server then answers only its own machine and everyone is
/// the lab. On (<c>Auth:Enabled=true</c>): cookie sign-in for pages, API keys for scripts, roles and per-user rate limits.
/// </summary>
public sealed record SignInSettings
{
    /// <summary>Turns sign-in on, for a server shared by a lab.</summary>
    public bool Enabled { get; init; }

    /// <summary>API requests one user (or, before sign-in, one address) may make per minute; 0 turns the limit off.</summary>
    public int RequestsPerMinute { get; init; } = 600;

    /// <summary>Sign-in attempts one address may make per minute.</summary>
    public int SignInsPerMinute { get; init; } = 10;

    /// <summary>With <see cref="AdminPassword"/>: the admin made at start-up when the database has no users yet.</summary>
    public string? AdminUserName { get; init; }

    /// <summary>The first admin's password (pass it through an environment variable, <c>Auth__AdminPassword</c>).</summary>
    public string? AdminPassword { get; init; }

    /// <summary>The settings in <paramref name="configuration"/>'s <c>Auth</c> section.</summary>
    public static SignInSettings From(IConfiguration configuration) => configuration.GetSection("Auth").Get<SignInSettings>() ?? new();
}
