using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Tests.Contract;
using LatentWorkbench.Domains.Molecules;

namespace LatentWorkbench.Plugins.Tests;

/// <summary>
/// The molecules module passes the same contract a plugin must. (Music is not applied here yet: its sample
/// rhythm-changes-a has 262 tokens, more than its default model's 256.)
/// </summary>
public sealed class MoleculesContractTests : DomainModuleContractTests
{
    protected override IDomainModule Module { get; } = new MoleculesModule();
}
