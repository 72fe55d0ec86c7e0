using System.Text.Json;
using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Cli.Tests.Commands;

/// <summary><c>latent library import</c> and <c>list</c> on a database of their own.</summary>
public sealed class LibraryCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-cli-library-").FullName;

    private string Database => Path.Combine(_folder, "workbench.db");

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.BuiltIn(args);

    [Fact]
    public void Import_AddsTheValidItems_NamesTheOthers_AndListFindsThem()
    {
        var file = Path.Combine(_folder, "mix.smi");
        File.WriteAllLines(file, ["CCO ethanol", "c1ccccc1O phenol", "C1CC broken", "CC(=O)O acetic acid"]);
        var (code, json, err) = Run("library", "import", "--domain", "molecules", "--file", file, "--db", Database, "--json");
        Assert.True(code == 0, err);
        var report = JsonDocument.Parse(json).RootElement;
        Assert.Equal(3, report.GetProperty("added").GetInt32());
        Assert.Contains("broken", Assert.Single(report.GetProperty("problems").EnumerateArray()).GetString());

        (code, json, err) = Run("library", "list", "--domain", "molecules", "--db", Database, "--query", "phen", "--json");
        Assert.True(code == 0, err);
        var item = Assert.Single(JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("phenol", item.GetProperty("name").GetString());
        Assert.True(item.GetProperty("properties").GetProperty("logp").GetDouble() > 1);
        (code, var text, _) = Run("library", "list", "--domain", "molecules", "--db", Database);
        Assert.Equal(0, code);
        Assert.Contains("3 item(s)", text);
    }

    [Fact]
    public void Import_MissingFileOrUnreadableDomain_ExitsWithAMessage()
    {
        var (code, _, err) = Run("library", "import", "--domain", "molecules", "--file", Path.Combine(_folder, "none.smi"), "--db", Database);
        Assert.Equal(2, code);
        Assert.Contains("none.smi", err);
        var file = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(file, "CCO");
        (code, _, err) = Run("library", "import", "--domain", "molecules", "--file", file, "--db", Database);
        Assert.Equal(2, code);
        Assert.Contains(".txt", err);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary><c>latent library</c> on a PostgreSQL database: what a lab's script imports into the shared store.</summary>
public sealed class LibraryCommandOnPostgresTests
{
    [SkippableFact]
    public void Import_IntoPostgres_IsListedFromThere_AndTheEnvironmentNamesTheStoreToo()
    {
        Skip.If(LatentWorkbench.Tests.PostgresCluster.Instance.Unavailable is not null, LatentWorkbench.Tests.PostgresCluster.Instance.Unavailable);
        var connection = LatentWorkbench.Tests.PostgresCluster.Instance.CreateDatabase();
        var folder = Directory.CreateTempSubdirectory("latent-cli-pg-").FullName;
        try
        {
            var file = Path.Combine(folder, "lab.smi");
            File.WriteAllLines(file, ["CCO ethanol", "c1ccccc1O phenol"]);
            var (code, json, err) = CliRun.BuiltIn("library", "import", "--domain", "molecules", "--file", file, "--provider", "postgres", "--db", connection, "--json");
            Assert.True(code == 0, err);
            Assert.Equal(2, JsonDocument.Parse(json).RootElement.GetProperty("added").GetInt32());
            (code, var text, err) = CliRun.BuiltIn("library", "list", "--domain", "molecules", "--provider", "postgres", "--db", connection);
            Assert.True(code == 0, err);
            Assert.Contains("phenol", text);
            Assert.Contains("2 item(s)", text);

            (code, _, err) = CliRun.BuiltIn("library", "list", "--domain", "molecules", "--provider", "postgres");
            Assert.Equal(2, code);
            Assert.Contains("connection string", err);
            (code, _, err) = CliRun.BuiltIn("library", "list", "--domain", "molecules", "--provider", "oracle", "--db", connection);
            Assert.Equal(2, code);
            Assert.Contains("sqlite or postgres", err);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
