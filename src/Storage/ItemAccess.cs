namespace LatentWorkbench.Storage;

/// <summary>
/// Who asks for library items and sessions. A signed-in user sees their own items, the lab's (no owner) and items
/// others shared, and their own and the lab's sessions; <see cref="SeesAll"/> (an admin, or a server without sign-in)
/// sees and changes everything. What a user adds belongs to <see cref="UserId"/>; with no user it belongs to the lab.
/// </summary>
public readonly record struct ItemAccess(string? UserId, bool SeesAll)
{
    /// <summary>No sign-in (a local server, the command line): everything is the lab's.</summary>
    public static ItemAccess Everyone { get; } = new(null, true);

    /// <summary>A signed-in user who is not an admin.</summary>
    public static ItemAccess User(string userId) => new(userId, false);

    /// <summary>True when this caller may change or remove an item owned by <paramref name="owner"/>.</summary>
    public bool CanChange(string? owner) => SeesAll || (owner is not null && owner == UserId);

    /// <summary><see cref="CanChange"/> as an SQL condition over an <c>owner</c> column (<c>@me</c> bound to <see cref="UserId"/>).</summary>
    internal string ChangeableSql => SeesAll ? "1 = 1" : "owner = @me";

    /// <summary>
    /// The rows the caller sees, as an SQL condition: their own, the lab's (owner NULL), and those
    /// <paramref name="alsoSeen"/> (another condition) admits; <c>@me</c> bound to <see cref="UserId"/>.
    /// </summary>
    internal string VisibleSql(string? alsoSeen = null) =>
        SeesAll ? "1 = 1" : $"(owner IS NULL OR owner = @me{(alsoSeen is null ? "" : $" OR {alsoSeen}")})";
}
