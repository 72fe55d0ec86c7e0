namespace LatentWorkbench.Storage;

/// <summary>
/// Which model folder each domain serves, as chosen on the Models page: it survives restarts, and every instance that
/// shares the database follows it.
/// </summary>
public sealed class ActiveModelStore(WorkbenchDatabase database)
{
    /// <summary>The chosen folder of <paramref name="domain"/>, or null when none was chosen.</summary>
    public string? Get(string domain)
    {
        using var connection = database.Open();
        using var command = WorkbenchDatabase.Command(connection, "SELECT folder FROM active_models WHERE domain = @d;", ("@d", domain));
        return command.ExecuteScalar() as string;
    }

    /// <summary>Every domain's chosen folder.</summary>
    public IReadOnlyDictionary<string, string> All()
    {
        using var connection = database.Open();
        using var command = WorkbenchDatabase.Command(connection, "SELECT domain, folder FROM active_models;");
        using var reader = command.ExecuteReader();
        var chosen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read()) chosen[reader.GetString(0)] = reader.GetString(1);
        return chosen;
    }

    /// <summary>Records <paramref name="folder"/> as the model of <paramref name="domain"/>.</summary>
    public void Set(string domain, string folder)
    {
        using var connection = database.Open();
        WorkbenchDatabase.Execute(connection,
            "INSERT INTO active_models (domain, folder) VALUES (@d, @f) ON CONFLICT (domain) DO UPDATE SET folder = excluded.folder;",
            ("@d", domain), ("@f", folder));
    }
}
