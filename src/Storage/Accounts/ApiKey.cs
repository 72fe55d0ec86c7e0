namespace LatentWorkbench.Storage.Accounts;

/// <summary>
/// An API key of a user, as listed: its name, the first characters of the secret (to tell keys apart) and when it was
/// made and last used. The secret itself is shown once, when the key is made; only its SHA-256 hash is stored.
/// </summary>
public sealed record ApiKey(long Id, string UserId, string Name, string Prefix, DateTimeOffset Created, DateTimeOffset? LastUsed);
