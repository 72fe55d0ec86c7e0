using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Tests.Toy;

namespace LatentWorkbench.Core.Tests.Contract;

/// <summary>The shared module contract applied to the toy domain.</summary>
public sealed class ToyContractTests : DomainModuleContractTests
{
    protected override IDomainModule Module { get; } = new ToyDomain();
}
