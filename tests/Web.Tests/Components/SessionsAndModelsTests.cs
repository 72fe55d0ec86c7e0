using Bunit;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Web.Components.Pages.Models;
using LatentWorkbench.Web.Components.Pages.Sessions;
using LatentWorkbench.Web.Services.Training;
using LatentWorkbench.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace LatentWorkbench.Web.Tests.Components;

[Collection(ToyComponentCollection.Name)]
public sealed class SessionsAndModelsTests(ToyModelFixture toy)
{
    [Fact]
    public async Task Sessions_ListsSavedRuns_WithAnOpenLink_AndRemovesThem()
    {
        await using var context = ToyContext.Create(toy);
        Assert.NotEmpty(context.Render<Sessions>().FindAll("[data-test=empty]"));
        var saved = context.Services.GetRequiredService<SessionStore>().Save(ItemAccess.Everyone, SessionStore.Interpolation, "toy", "ABC → HAHA",
            new { from = "ABC" }, Array.Empty<object>());
        var cut = context.Render<Sessions>();
        Assert.Equal($"explore/toy?session={saved.Id}", cut.Find("[data-test=open]").GetAttribute("href"));
        cut.Find("[data-test=remove]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=session]")));
    }

    [Fact]
    public async Task Models_ShowsTheToyModelAsActive_WithMetricsAndCard()
    {
        await using var context = ToyContext.Create(toy);
        var cut = context.Render<Models>();
        var model = cut.Find("[data-domain=toy] [data-test=model]");
        Assert.Contains("active", model.TextContent);
        Assert.Empty(cut.FindAll("[data-test=activate]"));
        // Figures read as words, each with its JSON key (as latent evaluate writes it) in the tooltip.
        var kl = cut.FindAll("[data-domain=toy] [data-test=metric]").Single(c => c.GetAttribute("title") == "kl");
        Assert.StartsWith("KL (nats) ", kl.TextContent.Trim());
        Assert.Equal("exact reconstruction", ModelMetrics.Label("recon_exact"));
        Assert.Equal("note f1 with offsets", ModelMetrics.Label("note_f1_with_offsets"));
        Assert.Equal("property MAE · logp", ModelMetrics.Label("property_mae.logp"));
    }

    [Fact]
    public async Task Models_WithoutACheckpoint_SaysThereIsNoModel()
    {
        await using var context = ToyContext.Create(toy, toyModelFolder: Path.Combine(Path.GetTempPath(), "no-such-model"));
        var cut = context.Render<Models>();
        Assert.Contains("no trained model yet", cut.Find("[data-domain=toy] [data-test=no-model]").TextContent);
    }

    [Fact]
    public async Task Models_TrainingPanel_RefusesABadName_AndQueuesAJobThatCanBeCancelled()
    {
        await using var context = ToyContext.Create(toy);
        var cut = context.Render<Models>();
        cut.Find("[data-domain=toy] [data-test=train-form] .mud-expand-panel-header").Click();
        Assert.Contains("train.txt", cut.Find("[data-test=train-data]").InnerHtml);

        cut.Find("[data-test=train-data]").Change(toy.TrainFile);
        cut.Find("input[data-test=train-name], [data-test=train-name] input").Change("no good!");
        cut.Find("[data-test=train-start]").Click();
        Assert.Contains("Name the model", cut.Find("[data-test=train-message]").TextContent);

        cut.Find("input[data-test=train-name], [data-test=train-name] input").Change("panel-model");
        cut.Find("[data-test=train-start]").Click();
        var job = cut.Find("[data-test=job]");
        Assert.Equal("queued", job.GetAttribute("data-status"));   // the runner is not started here
        cut.Find("[data-test=job-cancel]").Click();
        cut.WaitForAssertion(() => Assert.Equal("cancelled", cut.Find("[data-test=job]").GetAttribute("data-status")));
        Assert.NotEmpty(cut.FindAll("[data-test=job-resume]"));
    }

    [Fact]
    public async Task Models_TrainingPanel_FollowsARunningJobLive_WithCharts()
    {
        await using var context = ToyContext.Create(toy);
        var runner = context.Services.GetRequiredService<TrainingJobRunner>();
        await runner.StartAsync(CancellationToken.None);
        try
        {
            var cut = context.Render<Models>();
            cut.Find("[data-test=train-form] .mud-expand-panel-header").Click();
            cut.Find("[data-test=train-data]").Change(toy.TrainFile);
            cut.Find("input[data-test=train-name], [data-test=train-name] input").Change("live-model");
            cut.Find("input[data-test=train-epochs], [data-test=train-epochs] input").Change("2");
            cut.Find("[data-test=train-start]").Click();
            cut.WaitForAssertion(() => Assert.Equal("completed", cut.Find("[data-test=job]").GetAttribute("data-status")), TimeSpan.FromMinutes(3));
            Assert.Equal(4, cut.FindAll("[data-test=job-chart]").Count);
            Assert.NotEmpty(cut.FindAll("[data-test=job-chart] polyline"));
            Assert.Contains(cut.FindAll("[data-test=model]"), m => m.GetAttribute("data-name") == "live-model");
        }
        finally
        {
            await runner.StopAsync(CancellationToken.None);
            var models = context.Services.GetRequiredService<TrainingFolders>().ModelsRoot;
            if (Directory.Exists(models)) Directory.Delete(models, recursive: true);
        }
    }
}
