namespace LatentWorkbench.Core.Domains;

/// <summary>The registered domain modules, looked up by id. Hosts build it from dependency injection.</summary>
public sealed class DomainRegistry
{
    private readonly Dictionary<string, IDomainModule> _modules;

    /// <summary>Registers <paramref name="modules"/>; ids must be unique (case-insensitive).</summary>
    public DomainRegistry(IEnumerable<IDomainModule> modules)
    {
        _modules = new Dictionary<string, IDomainModule>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in modules)
            if (!_modules.TryAdd(module.Id, module)) throw new InvalidOperationException($"Two modules use the domain id '{module.Id}'.");
        Modules = _modules.Values.OrderBy(m => m.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>All modules, ordered by id.</summary>
    public IReadOnlyList<IDomainModule> Modules { get; }

    /// <summary>The module with <paramref name="id"/>; throws <see cref="ArgumentException"/> listing the known ids.</summary>
    public IDomainModule Get(string id) => _modules.TryGetValue(id, out var module)
        ? module
        : throw new ArgumentException($"Unknown domain '{id}'. Known domains: {string.Join(", ", _modules.Keys.Order())}.");

    /// <summary>The module with <paramref name="id"/>, or null.</summary>
    public IDomainModule? Find(string id) => _modules.GetValueOrDefault(id);
}
