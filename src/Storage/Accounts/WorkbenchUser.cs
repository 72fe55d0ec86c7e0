namespace LatentWorkbench.Storage.Accounts;

/// <summary>
/// A person who signs in to a shared server. Mutable because ASP.NET Core Identity's stores update users in place;
/// <see cref="AccountStore"/> saves them.
/// </summary>
public sealed class WorkbenchUser
{
    /// <summary>Stable id (a GUID string); owns library items and sessions.</summary>
    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>The name typed at sign-in.</summary>
    public string UserName { get; set; } = "";

    /// <summary>The name as Identity normalizes it, unique per database.</summary>
    public string NormalizedUserName { get; set; } = "";

    /// <summary>Identity's password hash (PBKDF2, salted); null for a user without a password.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>Changes when the credentials do, which signs out existing cookies.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>One of <see cref="WorkbenchRoles.All"/>.</summary>
    public string Role { get; set; } = WorkbenchRoles.Viewer;

    /// <summary>When the user was added.</summary>
    public DateTimeOffset Created { get; set; } = DateTimeOffset.UtcNow;
}
