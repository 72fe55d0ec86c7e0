using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Tests.Toy;

namespace LatentWorkbench.Storage.Tests;

/// <summary>A fresh workbench database in its own temporary folder, with the toy domain's library and sessions; deleted with it.</summary>
internal sealed class TemporaryDatabase : IDisposable
{
    public string File { get; } = Path.Combine(Path.GetTempPath(), $"latent-storage-{Guid.NewGuid():N}", "workbench.db");

    public TemporaryDatabase() => Database = new WorkbenchDatabase(File);

    public WorkbenchDatabase Database { get; }

    public LibraryStore Library => new(Database, new DomainRegistry([new ToyDomain()]));

    public SessionStore Sessions => new(Database);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(File)!, recursive: true);
    }
}
