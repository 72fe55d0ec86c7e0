using System.Net.Http.Json;
using System.Text.Json;
using LatentWorkbench.Tests;

namespace LatentWorkbench.Web.Tests.Faults;

/// <summary>
/// Two processes on one database file: the <c>latent library import</c> command line writes while the server serves
/// and writes too. Neither fails with "database is locked", every item of both lands, and the file stays sound.
/// </summary>
public sealed class SharedDatabaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-shared-db-").FullName;

    private static string Cli => AppProcess.Built("Cli", "latent.dll");

    [SkippableFact]
    public async Task CliImportWhileTheServerWrites_BothLand_AndTheFileIsSound()
    {
        Skip.If(AppProcess.SkipReason is not null, AppProcess.SkipReason);
        Skip.IfNot(File.Exists(Cli), $"the command line is not built at {Cli}");
        var database = Path.Combine(_folder, "workbench.db");
        var file = Path.Combine(_folder, "chains.smi");
        // 400 molecules of the CLI's file, 60 others through the server, none in both.
        string[] ends = ["O", "N", "Cl", "F", "Br", "C(=O)O", "C#N", "S"];
        File.WriteAllLines(file, Enumerable.Range(0, 400).Select(i => $"{new string('C', 1 + i % 50)}{ends[i / 50]} cli{i}"));
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string> { ["Storage:Database"] = database, ["Device"] = "cpu" });
        var server = Task.Run(async () =>
        {
            for (int i = 0; i < 60; i++)
            {
                var response = await app.Client.PostAsJsonAsync("api/library/molecules", new { text = $"c1ccccc1{new string('C', 1 + i)}Cl", name = $"web{i}" });
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            }
        });
        var cli = await Task.Run(() => ExternalProgram.TryRun("dotnet", [Cli, "library", "import", "--domain", "molecules", "--file", file, "--db", database, "--json"],
            timeout: TimeSpan.FromMinutes(3)));
        await server;
        Assert.NotNull(cli);
        cli.EnsureSucceeded();
        Assert.DoesNotContain("locked", cli.Errors, StringComparison.OrdinalIgnoreCase);
        var imported = JsonDocument.Parse(cli.Output).RootElement.GetProperty("added").GetInt32();

        var items = await app.Client.GetFromJsonAsync<JsonElement>("api/library/molecules");
        var names = items.EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
        Assert.Equal(60, names.Count(n => n.StartsWith("web", StringComparison.Ordinal)));
        Assert.Equal(imported, names.Count(n => n.StartsWith("cli", StringComparison.Ordinal)));
        Assert.True(imported > 300, $"{imported} imported");
        var check = ExternalProgram.TryRun("dotnet", [Cli, "library", "list", "--domain", "molecules", "--db", database, "--json"])!.EnsureSucceeded();
        Assert.Equal(names.Count, JsonDocument.Parse(check.Output).RootElement.GetProperty("items").GetArrayLength());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
