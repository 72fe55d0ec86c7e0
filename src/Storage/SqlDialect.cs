namespace LatentWorkbench.Storage;

/// <summary>The few pieces of SQL that SQLite and PostgreSQL write differently.</summary>
/// <param name="CaseInsensitiveLike">The operator that matches a pattern ignoring case.</param>
/// <param name="InsertionOrder">The column that orders rows as they were inserted.</param>
/// <param name="SkipLocked">What follows a queue's <c>SELECT</c> so that concurrent takers skip each other's rows.</param>
public sealed record SqlDialect(string CaseInsensitiveLike, string InsertionOrder, string SkipLocked)
{
    /// <summary>SQLite: <c>LIKE</c> ignores ASCII case; rows are in <c>rowid</c> order; one writer at a time, so nothing to skip.</summary>
    public static SqlDialect Sqlite { get; } = new("LIKE", "rowid", "");

    /// <summary>PostgreSQL: <c>ILIKE</c>; tables that need an order carry an identity <c>id</c>; <c>FOR UPDATE SKIP LOCKED</c>.</summary>
    public static SqlDialect Postgres { get; } = new("ILIKE", "id", " FOR UPDATE SKIP LOCKED");
}
