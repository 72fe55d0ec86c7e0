using System.Security.Claims;
using LatentWorkbench.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LatentWorkbench.Web.Accounts;

/// <summary>Identity's claims of a signed-in user (id, name, security stamp) plus the user's role.</summary>
public sealed class WorkbenchClaimsFactory(UserManager<WorkbenchUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<WorkbenchUser>(users, options)
{
    /// <inheritdoc/>
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(WorkbenchUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, user.Role));
        return identity;
    }
}
