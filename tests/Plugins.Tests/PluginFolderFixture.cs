using System.Diagnostics;
using LatentWorkbench.Core.Plugins;

namespace LatentWorkbench.Plugins.Tests;

/// <summary>
/// A temporary plugin directory, made once per test run: the peptides plugin published into <c>peptides/</c>
/// beside the broken plugins of <see cref="FixturePlugins"/>; and the web app started on it.
/// </summary>
public sealed class PluginFolderFixture : IDisposable
{
    private readonly Lazy<PluginWebFactory> _web;

    public PluginFolderFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("latent-plugins-").FullName;
        var clock = Stopwatch.StartNew();
        DotnetCli.Run(RepoPaths.Root, null, "publish", Path.Combine("plugins", "Domains.Peptides", "Domains.Peptides.csproj"),
            "--no-restore", "-c", RepoPaths.Configuration, "-o", Path.Combine(Directory, "peptides"), "-v", "q", "-nologo");
        PublishSeconds = clock.Elapsed.TotalSeconds;
        FixturePlugins.WriteAll(Directory);
        Catalog = PluginLoader.Load(Directory, ["molecules", "music"]);
        _web = new Lazy<PluginWebFactory>(() => new PluginWebFactory(Directory));
    }

    /// <summary>The plugin directory.</summary>
    public string Directory { get; }

    /// <summary>Seconds the publish of the peptides plugin took.</summary>
    public double PublishSeconds { get; }

    /// <summary>The directory loaded as a host with molecules and music built in would load it.</summary>
    public PluginCatalog Catalog { get; }

    /// <summary>The peptides module as loaded from the plugin folder.</summary>
    public Core.Domains.IDomainModule Peptides => Catalog.Modules.Single(m => m.Id == "peptides");

    /// <summary>The web app configured with <c>Plugins:Directory</c> = <see cref="Directory"/>.</summary>
    public PluginWebFactory Web => _web.Value;

    public void Dispose()
    {
        if (_web.IsValueCreated) _web.Value.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class PluginFolderCollection : ICollectionFixture<PluginFolderFixture>
{
    public const string Name = "plugin folder";
}
