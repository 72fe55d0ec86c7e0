namespace LatentWorkbench.Core.Plugins;

/// <summary>
/// Marks an assembly as a workbench plugin and records the contract version it was compiled against:
/// <c>[assembly: DomainPlugin(DomainContract.Version)]</c>. <see cref="Domains.DomainContract.Version"/> is a
/// constant, so the number is baked into the plugin when it is built and the host can refuse a plugin built
/// against another major version.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class DomainPluginAttribute(int contractVersion) : Attribute
{
    /// <summary>The <see cref="Domains.DomainContract.Version"/> the plugin was built against.</summary>
    public int ContractVersion { get; } = contractVersion;
}
