using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Plugins;

// Records the contract version this plugin is compiled against; the host refuses other major versions.
[assembly: DomainPlugin(DomainContract.Version)]
