using Bunit;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Domains.Molecules;
using LatentWorkbench.Storage;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using LibraryPage = LatentWorkbench.Web.Components.Pages.Library.Library;

namespace LatentWorkbench.Web.Tests.Components;

[Collection(ToyComponentCollection.Name)]
public sealed class LibraryTests(ToyModelFixture toy)
{
    private const string Item = "[data-test=add] input, input[data-test=add]";

    private static IRenderedComponent<LibraryPage> Render(BunitContext context, string domain)
    {
        context.Render<MudPopoverProvider>();
        return context.Render<LibraryPage>(p => p.Add(x => x.DomainId, domain));
    }

    [Fact]
    public async Task Library_AddsAValidItem_AndRefusesAnInvalidOne()
    {
        await using var context = ToyContext.Create(toy);
        var cut = Render(context, "toy");
        Assert.Contains("0 item(s)", cut.Find("[data-test=count]").TextContent);
        Assert.Contains("library is empty. Add an item above", cut.Find("[data-test=empty]").TextContent);
        cut.Find(Item).Input("ABZ");
        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-test=add-button]").HasAttribute("disabled")));
        cut.Find(Item).Input("ABBA");
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-test=add-button]").HasAttribute("disabled")));
        cut.Find("[data-test=add-button]").Click();
        cut.WaitForAssertion(() => Assert.Contains("1 item(s)", cut.Find("[data-test=count]").TextContent));
        Assert.Empty(cut.FindAll("[data-test=empty]"));
        cut.Find("[data-test=remove]").Click();
        cut.WaitForAssertion(() => Assert.Contains("0 item(s)", cut.Find("[data-test=count]").TextContent));
    }

    [Fact]
    public async Task Library_ImportsASmiFile_AndSearchesBySmarts()
    {
        await using var context = ToyContext.Create(toy, [new MoleculesModule()]);
        var cut = Render(context, "molecules");
        cut.FindComponents<InputFile>().Single(c => Equals(c.Instance.AdditionalAttributes?["data-test"], "import")).UploadFiles(InputFileContent.CreateFromText("CCO ethanol\nc1ccccc1O phenol\nC1CC ring\n", "three.smi"));
        cut.WaitForAssertion(() => Assert.Contains("2 item(s)", cut.Find("[data-test=count]").TextContent));
        Assert.Contains("Skipped", cut.Find("[data-test=message]").TextContent);

        cut.Find("[data-test=search-pattern] input, input[data-test=search-pattern]").Change("c1ccccc1");
        cut.Find("[data-test=search-button]").Click();
        cut.WaitForAssertion(() => Assert.Contains("1 item(s)", cut.Find("[data-test=count]").TextContent));
        cut.Find("[data-test=search-pattern] input, input[data-test=search-pattern]").Change("C#N");
        cut.Find("[data-test=search-button]").Click();
        cut.WaitForAssertion(() => Assert.Contains("No item of the Molecules library matches this search.", cut.Find("[data-test=empty]").TextContent));
        cut.Find("[data-test=search-pattern] input, input[data-test=search-pattern]").Change("c1cc(");
        cut.Find("[data-test=search-button]").Click();
        cut.WaitForAssertion(() => Assert.Contains("position", cut.Find("[data-test=message]").TextContent));
        Assert.Equal(2, context.Services.GetRequiredService<LibraryStore>().List(ItemAccess.Everyone, "molecules").Count);
    }
}
