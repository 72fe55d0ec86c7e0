namespace LatentWorkbench.Storage;

/// <summary>The few pieces of SQL that SQLite and PostgreSQL write differently.</summary>
public sealed record SqlDialect(string CaseInsensitiveLike, string InsertionOrder)
{
    /// <summary>SQLite: <c>LIKE</c> ignores ASCII case; rows are in <c>rowid</c> order.</summary>
    public static SqlDialect Sqlite { get; } = new("LIKE", "rowid");

    /// <summary>PostgreSQL: <c>ILIKE</c>; tables that need an order carry an identity <c>id</c>.</summary>
    public static SqlDialect Postgres { get; } = new("ILIKE", "id");
}
