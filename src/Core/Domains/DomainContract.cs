namespace LatentWorkbench.Core.Domains;

/// <summary>Version of the plugin contract. A plugin built against another major version is refused at load time.</summary>
public static class DomainContract
{
    /// <summary>
    /// The contract's major version; bumped on any breaking change to the interfaces in this folder. Version 2: one file
    /// contract (<see cref="IItemFiles"/>), optional capabilities as nullable properties of <see cref="IDomainModule"/>,
    /// and <see cref="DomainViews"/> slots the host renders.
    /// </summary>
    public const int Version = 2;
}
