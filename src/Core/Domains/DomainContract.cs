namespace LatentWorkbench.Core.Domains;

/// <summary>Version of the plugin contract. A plugin built against another major version is refused at load time.</summary>
public static class DomainContract
{
    /// <summary>The contract's major version; bumped on any breaking change to the interfaces in this folder.</summary>
    public const int Version = 1;
}
