using System.Security.Claims;
using LatentWorkbench.Storage;
using LatentWorkbench.Storage.Accounts;

namespace LatentWorkbench.Web.Accounts;

/// <summary>
/// Who is asking, read from the request's or circuit's user: a signed-in user with a role, the local user of a server
/// without sign-in (an admin who owns nothing: everything is the lab's), or nobody.
/// </summary>
public sealed record WorkbenchCaller(string? UserId, string Name, string? Role, bool IsLocal)
{
    /// <summary>The claim that marks the local user of a server without sign-in.</summary>
    public const string LocalClaim = "workbench:local";

    /// <summary>Nobody signed in: allowed nothing.</summary>
    public static WorkbenchCaller Nobody { get; } = new(null, "", null, false);

    /// <summary>The caller <paramref name="user"/> describes.</summary>
    public static WorkbenchCaller Of(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true }) return Nobody;
        var role = user.FindFirstValue(ClaimTypes.Role);
        return user.HasClaim(c => c.Type == LocalClaim)
            ? new WorkbenchCaller(null, user.Identity.Name ?? "local", WorkbenchRoles.Admin, true)
            : new WorkbenchCaller(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "", role, false);
    }

    /// <summary>What <paramref name="user"/> sees and owns in the library and sessions.</summary>
    public static ItemAccess AccessOf(ClaimsPrincipal? user) => Of(user).Access;

    /// <summary>True when the caller's role allows what <paramref name="role"/> does.</summary>
    public bool Can(string role) => WorkbenchRoles.Allows(Role, role);

    /// <summary>What the caller sees and owns in the library and sessions.</summary>
    public ItemAccess Access => IsLocal ? ItemAccess.Everyone
        : UserId is null ? new ItemAccess("", false) // nobody: sees only the lab's, owns nothing
        : new ItemAccess(UserId, Can(WorkbenchRoles.Admin));
}
