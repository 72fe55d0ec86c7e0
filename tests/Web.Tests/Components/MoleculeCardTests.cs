using Bunit;
using LatentWorkbench.Domains.Molecules.Views;

namespace LatentWorkbench.Web.Tests.Components;

/// <summary>The molecule card asks the RDKit module to draw its SMILES, and redraws when the SMILES changes.</summary>
public sealed class MoleculeCardTests
{
    [Fact]
    public async Task Card_DepictsItsSmilesThroughTheRdkitModule()
    {
        await using var context = new BunitContext();
        var module = context.JSInterop.SetupModule("./_content/LatentWorkbench.Domains.Molecules/depict.js");
        module.Setup<bool>("depict", _ => true).SetResult(true);
        var cut = context.Render<MoleculeCard>(p => p.Add(x => x.Text, "CCO"));
        cut.WaitForAssertion(() => Assert.Equal("yes", cut.Find(".molecule-depiction").GetAttribute("data-depicted")));
        Assert.Equal("CCO", module.VerifyInvoke("depict").Arguments[1]);
        cut.Render(p => p.Add(x => x.Text, "c1ccccc1"));
        cut.WaitForAssertion(() => Assert.Equal(2, module.Invocations["depict"].Count));
    }
}
