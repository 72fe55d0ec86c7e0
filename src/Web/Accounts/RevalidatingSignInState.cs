using System.Security.Claims;
using LatentWorkbench.Storage.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LatentWorkbench.Web.Accounts;

/// <summary>
/// The signed-in user of a live page connection, checked again every <see cref="Interval"/>: a user whose security
/// stamp changed (new role, new password) or who is gone is signed out of the open pages too, not only of the cookie.
/// </summary>
public sealed class RevalidatingSignInState(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    /// <summary>How often open pages check their user (and cookies their stamp).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <inheritdoc/>
    protected override TimeSpan RevalidationInterval => Interval;

    /// <inheritdoc/>
    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchUser>>();
        if (await users.GetUserAsync(state.User) is not { } user) return false;
        var stamp = state.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user) && state.User.IsInRole(user.Role);
    }
}
