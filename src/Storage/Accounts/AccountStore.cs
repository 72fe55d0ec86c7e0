using System.Security.Cryptography;
using System.Text;
using System.Data.Common;

namespace LatentWorkbench.Storage.Accounts;

/// <summary>
/// Users and their API keys in the workbench database. A key's secret is <c>lwk_</c> and 43 random base64url
/// characters; the database keeps its SHA-256 hash, so a stolen database file holds no usable key.
/// </summary>
public sealed class AccountStore(WorkbenchDatabase database)
{
    /// <summary>What every key secret starts with (lets scanners and people recognise one).</summary>
    public const string KeyPrefix = "lwk_";

    /// <summary>Longest user name and key name, in characters.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Most keys one user holds.</summary>
    public const int MaxKeysPerUser = 20;

    /// <summary>Shortest password accepted (by the web app's Identity options and the command line alike).</summary>
    public const int MinPasswordLength = 10;

    /// <summary>The characters a user name may hold.</summary>
    public const string UserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";

    /// <summary>Adds a user; false when the normalized name is taken.</summary>
    public bool Create(WorkbenchUser user)
    {
        using var connection = database.Open();
        return WorkbenchDatabase.Execute(connection,
            """
            INSERT INTO users (id, user_name, normalized_name, password_hash, security_stamp, role, created)
            VALUES (@id, @n, @nn, @p, @s, @r, @c) ON CONFLICT DO NOTHING;
            """,
            ("@id", user.Id), ("@n", user.UserName), ("@nn", user.NormalizedUserName), ("@p", user.PasswordHash),
            ("@s", user.SecurityStamp), ("@r", user.Role), ("@c", user.Created.ToString("O"))) > 0;
    }

    /// <summary>Saves a changed user; false when it is not there or its new name is taken.</summary>
    public bool Update(WorkbenchUser user)
    {
        using var connection = database.Open();
        try
        {
            return WorkbenchDatabase.Execute(connection,
                "UPDATE users SET user_name = @n, normalized_name = @nn, password_hash = @p, security_stamp = @s, role = @r WHERE id = @id;",
                ("@id", user.Id), ("@n", user.UserName), ("@nn", user.NormalizedUserName), ("@p", user.PasswordHash),
                ("@s", user.SecurityStamp), ("@r", user.Role)) > 0;
        }
        catch (DbException e) when (WorkbenchDatabase.IsUniqueViolation(e)) // the name is taken
        {
            return false;
        }
    }

    /// <summary>The user with <paramref name="id"/>, or null.</summary>
    public WorkbenchUser? FindById(string id) => Users("WHERE id = @v", id).FirstOrDefault();

    /// <summary>The user whose normalized name is <paramref name="normalizedName"/>, or null.</summary>
    public WorkbenchUser? FindByName(string normalizedName) => Users("WHERE normalized_name = @v", normalizedName).FirstOrDefault();

    /// <summary>Every user, by name.</summary>
    public IReadOnlyList<WorkbenchUser> List() => Users("ORDER BY user_name", null);

    /// <summary>How many users there are.</summary>
    public int Count()
    {
        using var connection = database.Open();
        using var count = WorkbenchDatabase.Command(connection, "SELECT COUNT(*) FROM users;");
        return Convert.ToInt32(count.ExecuteScalar());
    }

    /// <summary>
    /// Makes a key for <paramref name="userId"/> and returns it with its secret, which is not kept and cannot be shown
    /// again. Throws <see cref="ArgumentException"/> for a bad name or when the user holds too many keys.
    /// </summary>
    public (ApiKey Key, string Secret) CreateKey(string userId, string name)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > MaxNameLength) throw new ArgumentException($"A key name holds 1 to {MaxNameLength} characters.", nameof(name));
        var secret = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var shown = secret[..(KeyPrefix.Length + 6)];
        var created = DateTimeOffset.UtcNow;
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using (var count = WorkbenchDatabase.Command(connection, "SELECT COUNT(*) FROM api_keys WHERE user_id = @u;", ("@u", userId)))
        {
            if (Convert.ToInt32(count.ExecuteScalar()) >= MaxKeysPerUser)
                throw new ArgumentException($"A user holds at most {MaxKeysPerUser} keys; revoke one first.", nameof(name));
        }
        using var insert = WorkbenchDatabase.Command(connection,
            "INSERT INTO api_keys (user_id, name, prefix, hash, created) VALUES (@u, @n, @p, @h, @c) RETURNING id;",
            ("@u", userId), ("@n", name), ("@p", shown), ("@h", Hash(secret)), ("@c", created.ToString("O")));
        var id = Convert.ToInt64(insert.ExecuteScalar());
        transaction.Commit();
        return (new ApiKey(id, userId, name, shown, created, null), secret);
    }

    /// <summary>The user's keys, newest first.</summary>
    public IReadOnlyList<ApiKey> Keys(string userId)
    {
        using var connection = database.Open();
        using var command = WorkbenchDatabase.Command(connection,
            "SELECT id, user_id, name, prefix, created, last_used FROM api_keys WHERE user_id = @u ORDER BY id DESC;", ("@u", userId));
        using var reader = command.ExecuteReader();
        var keys = new List<ApiKey>();
        while (reader.Read())
            keys.Add(new ApiKey(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Time(reader.GetString(4)),
                reader.IsDBNull(5) ? null : Time(reader.GetString(5))));
        return keys;
    }

    /// <summary>Revokes one of the user's keys; false when the user has no such key.</summary>
    public bool RevokeKey(string userId, long keyId)
    {
        using var connection = database.Open();
        return WorkbenchDatabase.Execute(connection, "DELETE FROM api_keys WHERE id = @id AND user_id = @u;", ("@id", keyId), ("@u", userId)) > 0;
    }

    /// <summary>The user a key secret belongs to (noting the key's use), or null for an unknown or revoked key.</summary>
    public WorkbenchUser? FindByKey(string secret)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(KeyPrefix, StringComparison.Ordinal) || secret.Length > 200) return null;
        using var connection = database.Open();
        using var find = WorkbenchDatabase.Command(connection, "SELECT id, user_id FROM api_keys WHERE hash = @h;", ("@h", Hash(secret)));
        using var reader = find.ExecuteReader();
        if (!reader.Read()) return null;
        var (keyId, userId) = (reader.GetInt64(0), reader.GetString(1));
        reader.Close();
        WorkbenchDatabase.Execute(connection, "UPDATE api_keys SET last_used = @t WHERE id = @id;", ("@t", DateTimeOffset.UtcNow.ToString("O")), ("@id", keyId));
        return FindById(userId);
    }

    private List<WorkbenchUser> Users(string where, string? value)
    {
        using var connection = database.Open();
        using var command = WorkbenchDatabase.Command(connection,
            $"SELECT id, user_name, normalized_name, password_hash, security_stamp, role, created FROM users {where};", ("@v", value));
        using var reader = command.ExecuteReader();
        var users = new List<WorkbenchUser>();
        while (reader.Read())
            users.Add(new WorkbenchUser
            {
                Id = reader.GetString(0), UserName = reader.GetString(1), NormalizedUserName = reader.GetString(2),
                PasswordHash = reader.IsDBNull(3) ? null : reader.GetString(3), SecurityStamp = reader.GetString(4),
                Role = reader.GetString(5), Created = Time(reader.GetString(6)),
            });
        return users;
    }

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
