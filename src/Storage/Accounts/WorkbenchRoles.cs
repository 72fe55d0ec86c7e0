namespace LatentWorkbench.Storage.Accounts;

/// <summary>
/// The three roles of a shared server, each allowing what the one before it does: a viewer explores, navigates and keeps
/// sessions; an editor also writes to the library; an admin also trains, evaluates and activates models, manages
/// plugins and users.
/// </summary>
public static class WorkbenchRoles
{
    /// <summary>Explores and navigates; keeps their own sessions.</summary>
    public const string Viewer = "viewer";

    /// <summary>Also adds, imports, shares and removes library items.</summary>
    public const string Editor = "editor";

    /// <summary>Also trains, evaluates and activates models, manages plugins and users.</summary>
    public const string Admin = "admin";

    /// <summary>Every role, least allowed first.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, Editor, Admin];

    /// <summary>True for one of <see cref="All"/>.</summary>
    public static bool IsRole(string? role) => Rank(role) >= 0;

    /// <summary>The place of <paramref name="role"/> in <see cref="All"/> (higher allows more), or -1 for no role.</summary>
    public static int Rank(string? role)
    {
        for (int i = 0; i < All.Count; i++) if (All[i] == role) return i;
        return -1;
    }

    /// <summary>True when <paramref name="role"/> allows what <paramref name="required"/> does.</summary>
    public static bool Allows(string? role, string required) => IsRole(role) && Rank(role) >= Rank(required);

    /// <summary>The roles that allow what <paramref name="required"/> does (for role-based authorization).</summary>
    public static string[] AtLeast(string required) => All.Where(r => Allows(r, required)).ToArray();
}
