using LatentWorkbench.Storage;
using LatentWorkbench.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace LatentWorkbench.Web.Components.Shared;

/// <summary>
/// A page that acts for its caller: <see cref="Caller"/> (read once, before the page's parameters are set) decides what
/// it shows and allows, and <see cref="Access"/> what it reads and writes in the library and sessions.
/// </summary>
public abstract class WorkbenchPage : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>Who is using the page; nobody (allowed nothing) when no authentication state cascades.</summary>
    private protected WorkbenchCaller Caller { get; private set; } = WorkbenchCaller.Nobody;

    /// <summary>The caller's view of the library and sessions.</summary>
    private protected ItemAccess Access => Caller.Access;

    /// <summary>True when the caller may add to the library (an editor or above).</summary>
    private protected bool CanEditLibrary => Caller.Can(Storage.Accounts.WorkbenchRoles.Editor);

    /// <inheritdoc/>
    protected override async Task OnInitializedAsync()
    {
        // The server's authentication state is known when the circuit starts, so this completes before the first render.
        Caller = WorkbenchCaller.Of(AuthenticationState is null ? null : (await AuthenticationState).User);
        await base.OnInitializedAsync();
    }
}
