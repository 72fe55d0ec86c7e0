using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Tests.Contract;
using LatentWorkbench.Domains.Molecules;
using LatentWorkbench.Domains.Music;

namespace LatentWorkbench.Plugins.Tests;

/// <summary>The molecules module passes the same contract a plugin must.</summary>
public sealed class MoleculesContractTests : DomainModuleContractTests
{
    protected override IDomainModule Module { get; } = new MoleculesModule();
}

/// <summary>The music module passes the same contract a plugin must.</summary>
public sealed class MusicContractTests : DomainModuleContractTests
{
    protected override IDomainModule Module { get; } = new MusicModule();
}
