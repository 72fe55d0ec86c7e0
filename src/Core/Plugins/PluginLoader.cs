using System.Reflection;
using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Core.Plugins;

/// <summary>
/// Loads domain plugins from one directory: each subfolder holds one published plugin (its assemblies and their
/// <c>*.deps.json</c>). Nothing outside that directory is searched. A folder that is not a plugin, a plugin built
/// against another contract version, one that throws while loading, or one whose domain id is taken is reported
/// and skipped; the others load.
/// </summary>
public static class PluginLoader
{
    /// <summary>
    /// Loads every plugin under <paramref name="directory"/>. <paramref name="reservedDomainIds"/> are the ids the
    /// host already registers; a plugin reusing one is skipped. Never throws for a bad plugin.
    /// </summary>
    public static PluginCatalog Load(string directory, IEnumerable<string> reservedDomainIds)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
            return new PluginCatalog(root, [], [], [PluginReport.Skipped(directory, PluginStatus.NotAPlugin, $"The plugin directory '{root}' does not exist.")]);
        var taken = new HashSet<string>(reservedDomainIds, StringComparer.OrdinalIgnoreCase);
        var modules = new List<IDomainModule>();
        var assemblies = new List<Assembly>();
        var reports = new List<PluginReport>();
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            PluginReport report;
            Assembly? assembly;
            IReadOnlyList<IDomainModule> loaded;
            try { (report, assembly, loaded) = LoadFolder(folder, name, taken); }
            catch (Exception e)
            {
                // Anything not foreseen below (an unreadable folder, a type that fails to resolve) still only skips this plugin.
                (report, assembly, loaded) = (PluginReport.Skipped(name, PluginStatus.Failed, $"Loading failed: {Describe(e)}"), null, []);
            }
            reports.Add(report);
            if (assembly is null) continue;
            assemblies.Add(assembly);
            modules.AddRange(loaded);
            foreach (var m in loaded) taken.Add(m.Id);
        }
        return new PluginCatalog(root, modules, assemblies, reports);
    }

    private static (PluginReport, Assembly?, IReadOnlyList<IDomainModule>) LoadFolder(string folder, string name, HashSet<string> taken)
    {
        var (assembly, problem) = FindPluginAssembly(folder);
        if (assembly is null) return (PluginReport.Skipped(name, PluginStatus.NotAPlugin, problem), null, []);
        var version = assembly.GetCustomAttribute<DomainPluginAttribute>()!.ContractVersion;
        var file = Path.GetFileName(assembly.Location);
        if (version != DomainContract.Version)
            return (PluginReport.Skipped(name, PluginStatus.IncompatibleContract,
                $"{file} was built against plugin contract version {version}; this workbench speaks version {DomainContract.Version}. Rebuild the plugin against this workbench's LatentWorkbench.Core."), null, []);
        IReadOnlyList<IDomainModule> modules;
        try { modules = CreateModules(assembly); }
        catch (Exception e)
        {
            return (PluginReport.Skipped(name, PluginStatus.Failed, $"{file} failed while loading: {Describe(e)}"), null, []);
        }
        if (modules.Count == 0)
            return (PluginReport.Skipped(name, PluginStatus.Failed, $"{file} has no public IDomainModule class with a parameterless constructor."), null, []);
        var duplicate = modules.Select(m => m.Id).GroupBy(id => id, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(g => g.Count() > 1 || taken.Contains(g.Key));
        if (duplicate is not null)
            return (PluginReport.Skipped(name, PluginStatus.DuplicateDomain, $"The domain id '{duplicate.Key}' of {file} is already registered."), null, []);
        var ids = modules.Select(m => m.Id).ToArray();
        return (new PluginReport(name, PluginStatus.Loaded, $"{file}: {string.Join(", ", ids)}", ids), assembly, modules);
    }

    /// <summary>
    /// The folder's assembly marked with <see cref="DomainPluginAttribute"/>. Assemblies with a <c>*.deps.json</c>
    /// (a published project) are tried first; each candidate gets its own load context.
    /// </summary>
    private static (Assembly?, string) FindPluginAssembly(string folder)
    {
        var dlls = Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal).ToArray();
        if (dlls.Length == 0) return (null, "The folder holds no .dll file.");
        var published = dlls.Where(d => File.Exists(Path.ChangeExtension(d, ".deps.json"))).ToArray();
        var problems = new List<string>();
        foreach (var dll in published.Length > 0 ? published : dlls)
        {
            try
            {
                var assembly = new PluginLoadContext(dll).LoadFromAssemblyPath(dll);
                if (assembly.GetCustomAttribute<DomainPluginAttribute>() is not null) return (assembly, "");
                problems.Add($"{Path.GetFileName(dll)} has no [assembly: DomainPlugin] attribute");
            }
            catch (BadImageFormatException)
            {
                problems.Add($"{Path.GetFileName(dll)} is not a loadable .NET assembly (BadImageFormatException)");
            }
            catch (Exception e)
            {
                problems.Add($"{Path.GetFileName(dll)} could not be loaded ({Describe(e)})");
            }
        }
        return (null, $"No plugin assembly found: {string.Join("; ", problems)}.");
    }

    /// <summary>Constructs each public module class and reads every contract member once, so a module that throws fails here.</summary>
    private static IReadOnlyList<IDomainModule> CreateModules(Assembly assembly)
    {
        var modules = new List<IDomainModule>();
        foreach (var type in assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainModule).IsAssignableFrom(t)))
        {
            if (type.GetConstructor(Type.EmptyTypes) is null) continue;
            var module = (IDomainModule)Activator.CreateInstance(type)!;
            if (string.IsNullOrWhiteSpace(module.Id)) throw new InvalidOperationException($"{type.Name} has an empty domain id.");
            _ = (module.DisplayName, module.Tokenizer, module.Validator, module.Properties.Definitions, module.Similarity,
                module.Datasets, module.Attributes, module.Defaults, module.Samples, module.Views,
                module.Files, module.Audio, module.StructureSearch, module.DecodingConstraint, module.Evaluator);
            modules.Add(module);
        }
        return modules;
    }

    private static string Describe(Exception e)
    {
        while (e is TargetInvocationException { InnerException: { } inner }) e = inner;
        if (e is ReflectionTypeLoadException { LoaderExceptions: [{ } first, ..] }) e = first;
        return $"{e.GetType().Name}: {e.Message}";
    }
}
