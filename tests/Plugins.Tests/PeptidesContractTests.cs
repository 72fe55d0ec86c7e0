using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Tests.Contract;

namespace LatentWorkbench.Plugins.Tests;

/// <summary>The shared module contract applied to the peptides module as loaded from its published plugin folder.</summary>
[Collection(PluginFolderCollection.Name)]
public sealed class PeptidesContractTests(PluginFolderFixture fixture) : DomainModuleContractTests
{
    protected override IDomainModule Module => fixture.Peptides;
}
