using System.Security.Claims;
using System.Text.Encodings.Web;
using LatentWorkbench.Storage.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LatentWorkbench.Web.Accounts;

/// <summary>
/// Authenticates scripts by an API key made on the profile page, sent as <c>Authorization: Bearer lwk_...</c> or
/// <c>X-Api-Key: lwk_...</c>. The key acts as its user, with the user's current role.
/// </summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountStore accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The header that carries a key besides <c>Authorization</c>.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>True when the request carries a key (of either form), so the key, not a cookie, decides who it is.</summary>
    public static bool Carries(HttpRequest request) => KeyOf(request) is not null;

    /// <inheritdoc/>
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (KeyOf(Request) is not { } secret) return Task.FromResult(AuthenticateResult.NoResult());
        if (accounts.FindByKey(secret) is not { } user) return Task.FromResult(AuthenticateResult.Fail("The API key is not known; it may have been revoked."));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName), new Claim(ClaimTypes.Role, user.Role)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    private static string? KeyOf(HttpRequest request)
    {
        if (request.Headers[Header] is [{ Length: > 0 } key]) return key.Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer " + AccountStore.KeyPrefix, StringComparison.Ordinal) ? authorization["Bearer ".Length..].Trim() : null;
    }
}
