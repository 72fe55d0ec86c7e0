namespace LatentWorkbench.Core.Plugins;

/// <summary>What happened to one plugin folder at startup.</summary>
public enum PluginStatus
{
    /// <summary>Its domain modules are registered.</summary>
    Loaded,
    /// <summary>The folder holds no assembly marked with <see cref="DomainPluginAttribute"/>.</summary>
    NotAPlugin,
    /// <summary>The plugin was built against another contract version.</summary>
    IncompatibleContract,
    /// <summary>Loading an assembly or constructing a module threw.</summary>
    Failed,
    /// <summary>A module uses a domain id that is already registered.</summary>
    DuplicateDomain,
}
