using System.Reflection;
using System.Runtime.Loader;

namespace LatentWorkbench.Core.Plugins;

/// <summary>
/// One load context per plugin (the pattern of .NET's plugin tutorial and DotNetCorePlugins): the plugin's own
/// dependencies resolve through its <c>*.deps.json</c>; the contract, TorchSharp, the ASP.NET and UI libraries and
/// the framework come from the host, so a plugin's <c>IDomainModule</c> and components are the host's types.
/// Not collectible: Blazor caches component types for the life of the process, so plugins load once at startup.
/// </summary>
internal sealed class PluginLoadContext(string mainAssemblyPath) : AssemblyLoadContext(Path.GetFileNameWithoutExtension(mainAssemblyPath), isCollectible: false)
{
    /// <summary>Assembly names (and name prefixes before a dot) always taken from the host.</summary>
    private static readonly string[] SharedNames =
    [
        "LatentWorkbench.Core", "TorchSharp", "MudBlazor", "Microsoft.AspNetCore", "Microsoft.Extensions", "Microsoft.JSInterop",
        "Microsoft.CSharp", "Microsoft.Win32", "Microsoft.VisualBasic", "System", "netstandard", "mscorlib", "WindowsBase",
    ];

    private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);

    /// <summary>Whether <paramref name="name"/> is one of the assemblies shared with the host.</summary>
    internal static bool IsShared(AssemblyName name) =>
        name.Name is { } n && SharedNames.Any(s => n.Equals(s, StringComparison.OrdinalIgnoreCase) || n.StartsWith(s + ".", StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsShared(assemblyName))
        {
            // The host's copy when it has one; a shared library the host lacks may still come with the plugin.
            try { return Default.LoadFromAssemblyName(assemblyName); }
            catch (FileNotFoundException) { }
        }
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    /// <inheritdoc/>
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
