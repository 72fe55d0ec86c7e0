using System.Text.Json;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Storage;
using LatentWorkbench.Storage.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LatentWorkbench.Cli.Tests.Commands;

/// <summary><c>latent users add</c>, <c>set</c> and <c>list</c> on a database of their own.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-cli-users-").FullName;

    private string Database => Path.Combine(_folder, "workbench.db");

    private string PasswordFile(string password)
    {
        var file = Path.Combine(_folder, $"pw-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, password + "\n");
        return file;
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.BuiltIn(args);

    [Fact]
    public void Add_MakesAUserWhosePasswordTheWebAppAccepts_AndSetChangesRoleAndPassword()
    {
        var (code, _, err) = Run("users", "add", "Ada", "--role", "admin", "--password-file", PasswordFile("first password"), "--db", Database);
        Assert.True(code == 0, err);
        var accounts = new AccountStore(new WorkbenchDatabase(Database));
        var ada = accounts.FindByName("ADA")!;
        var hasher = new PasswordHasher<WorkbenchUser>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(ada, ada.PasswordHash!, "first password"));

        (code, _, err) = Run("users", "set", "ada", "--role", "editor", "--password-file", PasswordFile("second password"), "--db", Database);
        Assert.True(code == 0, err);
        var changed = accounts.FindByName("ADA")!;
        Assert.Equal(WorkbenchRoles.Editor, changed.Role);
        Assert.NotEqual(ada.SecurityStamp, changed.SecurityStamp);
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(changed, changed.PasswordHash!, "first password"));

        (code, var json, _) = Run("users", "list", "--db", Database, "--json");
        Assert.Equal(0, code);
        var user = Assert.Single(JsonDocument.Parse(json).RootElement.GetProperty("users").EnumerateArray());
        Assert.Equal(("Ada", "editor"), (user.GetProperty("name").GetString(), user.GetProperty("role").GetString()));
    }

    [Theory]
    [InlineData("ada", "boss", "long enough password", "Unknown role 'boss'")]
    [InlineData("ada", "viewer", "short", "at least 10 characters")]
    [InlineData("a d a", "viewer", "long enough password", "letters, digits")]
    public void Add_BadRoleNameOrPassword_ExitsWithAMessage_AndAddsNoOne(string name, string role, string password, string expected)
    {
        var (code, _, err) = Run("users", "add", name, "--role", role, "--password-file", PasswordFile(password), "--db", Database);
        Assert.Equal(2, code);
        Assert.Contains(expected, err);
        Assert.Equal(0, new AccountStore(new WorkbenchDatabase(Database)).Count());
    }

    [Fact]
    public void Add_ATakenName_AndSet_AnUnknownUser_AreRefused()
    {
        Assert.Equal(0, Run("users", "add", "ada", "--password-file", PasswordFile("long enough password"), "--db", Database).Code);
        var (code, _, err) = Run("users", "add", "ADA", "--password-file", PasswordFile("long enough password"), "--db", Database);
        Assert.Equal(2, code);
        Assert.Contains("taken", err);
        (code, _, err) = Run("users", "set", "bob", "--role", "admin", "--db", Database);
        Assert.Equal(2, code);
        Assert.Contains("no user 'bob'", err);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
