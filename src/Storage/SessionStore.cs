using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;

namespace LatentWorkbench.Storage;

/// <summary>Saved sessions: each interpolation or navigation run with its request and result, reopened from the Sessions page.</summary>
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

    /// <summary>Saves a run and returns it with its id.</summary>
    public SavedSession Save<TRequest, TResult>(string kind, string domain, string title, TRequest request, TResult result)
    {
        var created = DateTimeOffset.UtcNow;
        var requestJson = JsonSerializer.Serialize(request, Json);
        var resultJson = JsonSerializer.Serialize(result, Json);
        using var connection = database.Open();
        using var insert = WorkbenchDatabase.Command(connection,
            "INSERT INTO sessions (kind, domain, title, request, result, created) VALUES ($k, $d, $t, $q, $r, $c) RETURNING id;",
            ("$k", kind), ("$d", domain), ("$t", title), ("$q", requestJson), ("$r", resultJson), ("$c", created.ToString("O")));
        return new SavedSession(Convert.ToInt64(insert.ExecuteScalar()), kind, domain, title, requestJson, resultJson, created);
    }

    /// <summary>Sessions, newest first, optionally of one domain (without their results, which can be large).</summary>
    public IReadOnlyList<SavedSession> List(string? domain = null)
    {
        using var connection = database.Open();
        return Query(connection, domain is null ? "" : "WHERE domain = $d", false, ("$d", domain));
    }

    /// <summary>The session with <paramref name="id"/> including its result, or null.</summary>
    public SavedSession? Get(long id)
    {
        using var connection = database.Open();
        return Query(connection, "WHERE id = $id", true, ("$id", id)).FirstOrDefault();
    }

    /// <summary>The stored result of a session as <typeparamref name="T"/>.</summary>
    public static T? ResultOf<T>(SavedSession session) => JsonSerializer.Deserialize<T>(session.Result, Json);

    /// <summary>The stored request of a session as <typeparamref name="T"/>.</summary>
    public static T? RequestOf<T>(SavedSession session) => JsonSerializer.Deserialize<T>(session.Request, Json);

    /// <summary>Removes a session; false when it was not there.</summary>
    public bool Remove(long id)
    {
        using var connection = database.Open();
        return WorkbenchDatabase.Execute(connection, "DELETE FROM sessions WHERE id = $id;", ("$id", id)) > 0;
    }

    private static List<SavedSession> Query(SqliteConnection connection, string where, bool withResult, params (string, object?)[] parameters)
    {
        using var command = WorkbenchDatabase.Command(connection,
            $"SELECT id, kind, domain, title, request, {(withResult ? "result" : "''")}, created FROM sessions {where} ORDER BY id DESC LIMIT {MaxList};", parameters);
        using var reader = command.ExecuteReader();
        var sessions = new List<SavedSession>();
        while (reader.Read())
            sessions.Add(new SavedSession(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), DateTimeOffset.Parse(reader.GetString(6), System.Globalization.CultureInfo.InvariantCulture)));
        return sessions;
    }
}
