using System.Text.Json;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Workbench;
using System.Data.Common;

namespace LatentWorkbench.Storage;

/// <summary>
/// Library items per domain: added after validation (stored canonical, with their properties), listed, searched, shared,
/// removed. Every call names who asks (<see cref="ItemAccess"/>): an item belongs to the user who added it (or to the lab),
/// others see it when it is the lab's or shared, and only its owner or an admin changes it.
/// </summary>
public sealed class LibraryStore(WorkbenchDatabase database, DomainRegistry registry)
{
    /// <summary>
    /// Raised after a new item is committed (by an add or an import; not when an existing item only gains tags). Handlers
    /// run on the adding thread, so they must be quick and must not throw.
    /// </summary>
    public event Action<LibraryItem>? Added;

    /// <summary>Most items one listing returns.</summary>
    public const int MaxList = 5000;

    /// <summary>Longest item text accepted, in characters.</summary>
    public const int MaxTextLength = 10_000;

    /// <summary>Longest name and tag, in characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Most tags on one item.</summary>
    public const int MaxTags = 50;

    /// <summary>
    /// Validates and adds an item owned by <paramref name="access"/>'s user (its canonical text; an item the same owner
    /// already has keeps its id and gains the tags). Throws <see cref="ItemInputException"/> with the position when the
    /// item is invalid.
    /// </summary>
    public LibraryItem Add(ItemAccess access, string domainId, string text, string? name = null, IReadOnlyList<string>? tags = null, bool shared = false)
    {
        var domain = registry.Get(domainId);
        if (text is { Length: > MaxTextLength }) throw new ItemInputException($"An item holds at most {MaxTextLength} characters (got {text.Length}).");
        if (name is { Length: > MaxNameLength }) throw new ItemInputException($"A name holds at most {MaxNameLength} characters (got {name.Length}).");
        if (tags is { Count: > MaxTags }) throw new ItemInputException($"An item takes at most {MaxTags} tags (got {tags.Count}).");
        if (tags is not null && tags.Any(t => t is null || t.Length > MaxNameLength))
            throw new ItemInputException($"Tags are non-null and hold at most {MaxNameLength} characters each.");
        var check = domain.Validator.Validate(text ?? "");
        if (!check.IsValid) throw new ItemInputException(check.Error ?? "The item is not valid.", check.Position);
        var canonical = check.Canonical!;
        var properties = domain.Properties.Compute(canonical);
        var cleanTags = (tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var existing = Query(connection, "WHERE domain = @d AND text = @t AND COALESCE(owner, '') = COALESCE(@o, '')",
            ("@d", domain.Id), ("@t", canonical), ("@o", access.UserId)).FirstOrDefault();
        if (existing is not null)
        {
            var merged = existing.Tags.Union(cleanTags).ToList();
            WorkbenchDatabase.Execute(connection, "UPDATE library_items SET tags = @tags WHERE id = @id;",
                ("@tags", JsonSerializer.Serialize(merged)), ("@id", existing.Id));
            transaction.Commit();
            return existing with { Tags = merged };
        }
        var created = DateTimeOffset.UtcNow;
        var itemName = string.IsNullOrWhiteSpace(name) ? canonical[..Math.Min(canonical.Length, 40)] : name.Trim();
        using var insert = WorkbenchDatabase.Command(connection,
            """
            INSERT INTO library_items (domain, name, text, tags, properties, created, owner, shared)
            VALUES (@d, @n, @t, @tags, @p, @c, @o, @s) RETURNING id;
            """,
            ("@d", domain.Id), ("@n", itemName), ("@t", canonical), ("@tags", JsonSerializer.Serialize(cleanTags)),
            ("@p", JsonSerializer.Serialize(properties)), ("@c", created.ToString("O")), ("@o", access.UserId), ("@s", shared ? 1 : 0));
        var id = Convert.ToInt64(insert.ExecuteScalar());
        transaction.Commit();
        var item = new LibraryItem(id, domain.Id, itemName, canonical, cleanTags, properties, created, access.UserId, shared);
        Added?.Invoke(item);
        return item;
    }

    /// <summary>
    /// Items of a domain that <paramref name="access"/> sees, newest first; <paramref name="nameOrTag"/> filters by a part
    /// of the name or a tag.
    /// </summary>
    public IReadOnlyList<LibraryItem> List(ItemAccess access, string domainId, string? nameOrTag = null)
    {
        using var connection = database.Open();
        return string.IsNullOrWhiteSpace(nameOrTag)
            ? Query(connection, $"WHERE domain = @d AND {Visible(access)} ORDER BY id DESC LIMIT @max",
                ("@d", domainId), ("@me", access.UserId), ("@max", MaxList))
            : Query(connection, $"WHERE domain = @d AND {Visible(access)} AND (name {Like} @q ESCAPE '\\' OR tags {Like} @q ESCAPE '\\') ORDER BY id DESC LIMIT @max",
                ("@d", domainId), ("@me", access.UserId), ("@q", $"%{Escape(nameOrTag.Trim())}%"), ("@max", MaxList));
    }

    /// <summary>The item with <paramref name="id"/> when <paramref name="access"/> sees it, else null.</summary>
    public LibraryItem? Get(ItemAccess access, long id)
    {
        using var connection = database.Open();
        return Query(connection, $"WHERE id = @id AND {Visible(access)}", ("@id", id), ("@me", access.UserId)).FirstOrDefault();
    }

    /// <summary>Removes an item; false when it is not there or <paramref name="access"/> may not change it.</summary>
    public bool Remove(ItemAccess access, string domainId, long id)
    {
        using var connection = database.Open();
        return WorkbenchDatabase.Execute(connection, $"DELETE FROM library_items WHERE id = @id AND domain = @d AND {Changeable(access)};",
            ("@id", id), ("@d", domainId), ("@me", access.UserId)) > 0;
    }

    /// <summary>Shares an item with the lab or makes it private again; false when it is not there or not the caller's to change.</summary>
    public bool SetShared(ItemAccess access, string domainId, long id, bool shared)
    {
        using var connection = database.Open();
        return WorkbenchDatabase.Execute(connection, $"UPDATE library_items SET shared = @s WHERE id = @id AND domain = @d AND {Changeable(access)};",
            ("@s", shared ? 1 : 0), ("@id", id), ("@d", domainId), ("@me", access.UserId)) > 0;
    }

    // Others' items are seen once shared.
    private static string Visible(ItemAccess access) => access.VisibleSql("shared = 1");

    private static string Changeable(ItemAccess access) => access.ChangeableSql;

    private string Like => database.Dialect.CaseInsensitiveLike;

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static List<LibraryItem> Query(DbConnection connection, string where, params (string, object?)[] parameters)
    {
        using var command = WorkbenchDatabase.Command(connection,
            $"SELECT id, domain, name, text, tags, properties, created, owner, shared FROM library_items {where};", parameters);
        using var reader = command.ExecuteReader();
        var items = new List<LibraryItem>();
        while (reader.Read())
            items.Add(new LibraryItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(4)) ?? [],
                JsonSerializer.Deserialize<Dictionary<string, double>>(reader.GetString(5)) ?? [],
                DateTimeOffset.Parse(reader.GetString(6), System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetInt64(8) != 0));
        return items;
    }
}
