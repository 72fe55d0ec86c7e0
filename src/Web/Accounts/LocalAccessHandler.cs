using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using LatentWorkbench.Storage.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LatentWorkbench.Web.Accounts;

/// <summary>
/// Authentication while sign-in is off: a request from this machine is the local user (an admin; what it adds is the
/// lab's), and one from elsewhere is nobody, refused with a problem that says how to share the server.
/// </summary>
public sealed class LocalAccessHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "Local";

    /// <summary>What a request from another machine is told.</summary>
    public const string RemoteRefused =
        "Sign-in is off, so this server answers only its own machine. To share it, turn sign-in on (Auth:Enabled=true); see 'Running a shared server' in docs/web.md.";

    /// <inheritdoc/>
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!IsLocal(Context.Connection)) return Task.FromResult(AuthenticateResult.NoResult());
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "local"), new Claim(ClaimTypes.Role, WorkbenchRoles.Admin), new Claim(WorkbenchCaller.LocalClaim, "true")], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    /// <inheritdoc/>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        TypedResults.Problem(RemoteRefused, statusCode: StatusCodes.Status403Forbidden, title: "Sign-in is off").ExecuteAsync(Context);

    /// <summary>True for a loopback address, or none (an in-process test server).</summary>
    public static bool IsLocal(ConnectionInfo connection) =>
        connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote);
}
