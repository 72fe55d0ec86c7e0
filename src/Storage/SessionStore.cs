using System.Text.Json;
using System.Text.Json.Serialization;
using System.Data.Common;

namespace LatentWorkbench.Storage;

/// <summary>
/// Saved sessions: each interpolation or navigation run with its request and result, reopened from the Sessions page.
/// A session belongs to the user who ran it (or to the lab, without sign-in); users see their own and the lab's.
/// </summary>
public sealed class SessionStore(WorkbenchDatabase database)
{
    /// <summary>Kind of an interpolation session.</summary>
    public const string Interpolation = "interpolation";

    /// <summary>Kind of a navigation session.</summary>
    public const string Navigation = "navigation";

    /// <summary>Most sessions one listing returns.</summary>
    public const int MaxList = 500;

    /// <summary>JSON settings of stored requests and results (NaN scores survive the round trip).</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Saves a run owned by <paramref name="access"/>'s user and returns it with its id.</summary>
    public SavedSession Save<TRequest, TResult>(ItemAccess access, string kind, string domain, string title, TRequest request, TResult result)
    {
        var created = DateTimeOffset.UtcNow;
        var requestJson = JsonSerializer.Serialize(request, Json);
        var resultJson = JsonSerializer.Serialize(result, Json);
        using var connection = database.Open();
        using var insert = WorkbenchDatabase.Command(connection,
            "INSERT INTO sessions (kind, domain, title, request, result, created, owner) VALUES (@k, @d, @t, @q, @r, @c, @o) RETURNING id;",
            ("@k", kind), ("@d", domain), ("@t", title), ("@q", requestJson), ("@r", resultJson), ("@c", created.ToString("O")), ("@o", access.UserId));
        return new SavedSession(Convert.ToInt64(insert.ExecuteScalar()), kind, domain, title, requestJson, resultJson, created, access.UserId);
    }

    /// <summary>
    /// Sessions <paramref name="access"/> sees, newest first, optionally of one domain (without their results, which can
    /// be large).
    /// </summary>
    public IReadOnlyList<SavedSession> List(ItemAccess access, string? domain = null)
    {
        using var connection = database.Open();
        return Query(connection, $"WHERE {Visible(access)}{(domain is null ? "" : " AND domain = @d")}", false, ("@d", domain), ("@me", access.UserId));
    }

    /// <summary>The session with <paramref name="id"/> including its result when <paramref name="access"/> sees it, else null.</summary>
    public SavedSession? Get(ItemAccess access, long id)
    {
        using var connection = database.Open();
        return Query(connection, $"WHERE id = @id AND {Visible(access)}", true, ("@id", id), ("@me", access.UserId)).FirstOrDefault();
    }

    /// <summary>The stored result of a session as <typeparamref name="T"/>.</summary>
    public static T? ResultOf<T>(SavedSession session) => JsonSerializer.Deserialize<T>(session.Result, Json);

    /// <summary>The stored request of a session as <typeparamref name="T"/>.</summary>
    public static T? RequestOf<T>(SavedSession session) => JsonSerializer.Deserialize<T>(session.Request, Json);

    /// <summary>Removes a session; false when it is not there or not <paramref name="access"/>'s to remove.</summary>
    public bool Remove(ItemAccess access, long id)
    {
        using var connection = database.Open();
        return WorkbenchDatabase.Execute(connection, $"DELETE FROM sessions WHERE id = @id AND {access.ChangeableSql};",
            ("@id", id), ("@me", access.UserId)) > 0;
    }

    // A user sees their own sessions and the lab's, never another's.
    private static string Visible(ItemAccess access) => access.VisibleSql();

    private static List<SavedSession> Query(DbConnection connection, string where, bool withResult, params (string, object?)[] parameters)
    {
        using var command = WorkbenchDatabase.Command(connection,
            $"SELECT id, kind, domain, title, request, {(withResult ? "result" : "''")}, created, owner FROM sessions {where} ORDER BY id DESC LIMIT {MaxList};", parameters);
        using var reader = command.ExecuteReader();
        var sessions = new List<SavedSession>();
        while (reader.Read())
            sessions.Add(new SavedSession(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), DateTimeOffset.Parse(reader.GetString(6), System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        return sessions;
    }
}
