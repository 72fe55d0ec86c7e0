using Bunit;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Web.Components.Pages.Models;
using LatentWorkbench.Web.Services;
using Microsoft.Extensions.DependencyInjection;

namespace LatentWorkbench.Web.Tests.Components;

[Collection(ToyComponentCollection.Name)]
public sealed class EvaluationPanelTests(ToyModelFixture toy)
{
    private static IRenderedComponent<Models> OpenForm(BunitContext context)
    {
        var cut = context.Render<Models>();
        cut.Find("[data-domain=toy] [data-test=evaluate-form] .mud-expand-panel-header").Click();
        return cut;
    }

    [Fact]
    public async Task EvaluationPanel_EvaluatesTheServedModel_AndShowsTheFigures()
    {
        await using var context = ToyContext.Create(toy);
        var cut = OpenForm(context);
        Assert.Contains(ModelEvaluations.BundledSamples, cut.Find("[data-test=evaluate-data]").InnerHtml);
        cut.Find("[data-test=evaluate-data]").Change("valid.txt");
        cut.Find("input[data-test=evaluate-samples], [data-test=evaluate-samples] input").Change("10");
        cut.Find("input[data-test=evaluate-limit], [data-test=evaluate-limit] input").Change("40");
        cut.Find("[data-test=evaluate-start]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-test=evaluate-figures]")), TimeSpan.FromMinutes(2));
        string Figure(string name) => cut.Find($"[data-test=evaluate-figures] tr[data-figure='{name}'] td:last-child").TextContent;
        Assert.Equal("40", Figure("items"));
        Assert.Equal("10", Figure("samples"));
        Assert.True(double.Parse(Figure("recon_exact"), System.Globalization.CultureInfo.InvariantCulture) > 0.9);
        Assert.NotEmpty(cut.FindAll("[data-test=evaluate-figures] tr[data-figure='property_mae.a_share']"));
        Assert.Contains("40 items", cut.Find("[data-test=evaluate-message]").TextContent);
    }

    [Fact]
    public async Task EvaluationPanel_EmptyDataSet_SaysSo_WithoutFigures()
    {
        var empty = Path.Combine(toy.Folder, "empty-for-evaluation.txt");
        File.WriteAllText(empty, "");
        try
        {
            await using var context = ToyContext.Create(toy);
            var cut = OpenForm(context);
            cut.Find("[data-test=evaluate-data]").Change("empty-for-evaluation.txt");
            cut.Find("[data-test=evaluate-start]").Click();
            cut.WaitForAssertion(() => Assert.Contains("'empty-for-evaluation.txt' holds no Toy letters items",
                cut.Find("[data-test=evaluate-message]").TextContent), TimeSpan.FromSeconds(30));
            Assert.Empty(cut.FindAll("[data-test=evaluate-figures]"));
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Fact]
    public async Task EvaluationPanel_Cancel_StopsAnEvaluationWaitingForTheWorker()
    {
        await using var context = ToyContext.Create(toy);
        using var gate = new ManualResetEventSlim();
        // Occupy the model's worker so that the evaluation is still queued when it is cancelled.
        var busy = context.Services.GetRequiredService<ModelHub>().Get("toy").RunAsync(_ => gate.Wait(TimeSpan.FromMinutes(2)));
        var cut = OpenForm(context);
        cut.Find("[data-test=evaluate-data]").Change("valid.txt");
        cut.Find("[data-test=evaluate-start]").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-test=evaluate-cancel]")));
        cut.Find("[data-test=evaluate-cancel]").Click();
        gate.Set();
        Assert.True(await busy);
        cut.WaitForAssertion(() => Assert.Contains("Evaluation cancelled.", cut.Find("[data-test=evaluate-message]").TextContent));
        Assert.Empty(cut.FindAll("[data-test=evaluate-figures]"));
        Assert.NotEmpty(cut.FindAll("[data-test=evaluate-start]"));
    }
}
