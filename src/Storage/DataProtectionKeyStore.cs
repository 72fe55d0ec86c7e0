namespace LatentWorkbench.Storage;

/// <summary>
/// ASP.NET data-protection keys (the XML elements that encrypt sign-in cookies and antiforgery tokens), kept in the
/// workbench database so that every instance sharing it reads the same key ring: a cookie issued by one instance is
/// valid on the others, and after a restart. The keys are as sensitive as the database; protect both alike.
/// </summary>
public sealed class DataProtectionKeyStore(WorkbenchDatabase database)
{
    /// <summary>Every stored key element, oldest first.</summary>
    public IReadOnlyList<string> All()
    {
        using var connection = database.Open();
        using var command = WorkbenchDatabase.Command(connection, "SELECT xml FROM data_protection_keys ORDER BY created, name;");
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read()) keys.Add(reader.GetString(0));
        return keys;
    }

    /// <summary>Stores a key element under <paramref name="name"/>; a name already stored keeps its first element.</summary>
    public void Add(string name, string xml)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(xml);
        using var connection = database.Open();
        WorkbenchDatabase.Execute(connection,
            "INSERT INTO data_protection_keys (name, xml, created) VALUES (@n, @x, @c) ON CONFLICT (name) DO NOTHING;",
            ("@n", name), ("@x", xml), ("@c", DateTimeOffset.UtcNow.ToString("O")));
    }
}
