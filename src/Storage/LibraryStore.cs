using System.Text.Json;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Workbench;
using Microsoft.Data.Sqlite;

namespace LatentWorkbench.Storage;

/// <summary>Library items per domain: added after validation (stored canonical, with their properties), listed, searched, removed.</summary>
public sealed class LibraryStore(WorkbenchDatabase database, DomainRegistry registry)
{
    /// <summary>Most items one listing returns.</summary>
    public const int MaxList = 5000;

    /// <summary>Longest item text accepted, in characters.</summary>
    public const int MaxTextLength = 10_000;

    /// <summary>Longest name and tag, in characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Most tags on one item.</summary>
    public const int MaxTags = 50;

    /// <summary>
    /// Validates and adds an item (its canonical text; an item already present keeps its id and gains the tags).
    /// Throws <see cref="ItemInputException"/> with the position when the item is invalid.
    /// </summary>
    public LibraryItem Add(string domainId, string text, string? name = null, IReadOnlyList<string>? tags = null)
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
        var existing = Query(connection, "WHERE domain = $d AND text = $t", ("$d", domain.Id), ("$t", canonical)).FirstOrDefault();
        if (existing is not null)
        {
            var merged = existing.Tags.Union(cleanTags).ToList();
            WorkbenchDatabase.Execute(connection, "UPDATE library_items SET tags = $tags WHERE id = $id;",
                ("$tags", JsonSerializer.Serialize(merged)), ("$id", existing.Id));
            transaction.Commit();
            return existing with { Tags = merged };
        }
        var created = DateTimeOffset.UtcNow;
        var itemName = string.IsNullOrWhiteSpace(name) ? canonical[..Math.Min(canonical.Length, 40)] : name.Trim();
        using var insert = WorkbenchDatabase.Command(connection,
            "INSERT INTO library_items (domain, name, text, tags, properties, created) VALUES ($d, $n, $t, $tags, $p, $c) RETURNING id;",
            ("$d", domain.Id), ("$n", itemName), ("$t", canonical), ("$tags", JsonSerializer.Serialize(cleanTags)),
            ("$p", JsonSerializer.Serialize(properties)), ("$c", created.ToString("O")));
        var id = Convert.ToInt64(insert.ExecuteScalar());
        transaction.Commit();
        return new LibraryItem(id, domain.Id, itemName, canonical, cleanTags, properties, created);
    }

    /// <summary>Items of a domain, newest first; <paramref name="nameOrTag"/> filters by a part of the name or a tag.</summary>
    public IReadOnlyList<LibraryItem> List(string domainId, string? nameOrTag = null)
    {
        using var connection = database.Open();
        return string.IsNullOrWhiteSpace(nameOrTag)
            ? Query(connection, "WHERE domain = $d ORDER BY id DESC LIMIT $max", ("$d", domainId), ("$max", MaxList))
            : Query(connection, "WHERE domain = $d AND (name LIKE $q ESCAPE '\\' OR tags LIKE $q ESCAPE '\\') ORDER BY id DESC LIMIT $max",
                ("$d", domainId), ("$q", $"%{Escape(nameOrTag.Trim())}%"), ("$max", MaxList));
    }

    /// <summary>The item with <paramref name="id"/>, or null.</summary>
    public LibraryItem? Get(long id)
    {
        using var connection = database.Open();
        return Query(connection, "WHERE id = $id", ("$id", id)).FirstOrDefault();
    }

    /// <summary>Removes an item; false when it was not there.</summary>
    public bool Remove(string domainId, long id)
    {
        using var connection = database.Open();
        return WorkbenchDatabase.Execute(connection, "DELETE FROM library_items WHERE id = $id AND domain = $d;", ("$id", id), ("$d", domainId)) > 0;
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static List<LibraryItem> Query(SqliteConnection connection, string where, params (string, object?)[] parameters)
    {
        using var command = WorkbenchDatabase.Command(connection,
            $"SELECT id, domain, name, text, tags, properties, created FROM library_items {where};", parameters);
        using var reader = command.ExecuteReader();
        var items = new List<LibraryItem>();
        while (reader.Read())
            items.Add(new LibraryItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(4)) ?? [],
                JsonSerializer.Deserialize<Dictionary<string, double>>(reader.GetString(5)) ?? [],
                DateTimeOffset.Parse(reader.GetString(6), System.Globalization.CultureInfo.InvariantCulture)));
        return items;
    }
}
