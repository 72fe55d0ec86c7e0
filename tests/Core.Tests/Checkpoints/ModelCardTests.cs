using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Training;

namespace LatentWorkbench.Core.Tests.Checkpoints;

public sealed class ModelCardTests
{
    [Fact]
    public void Render_IncludesSizesNotesAndEvaluation()
    {
        var manifest = new CheckpointManifest
        {
            DomainId = "toy", Vocabulary = ["<pad>", "<bos>", "<eos>", "<unk>", "A"], Model = new VaeConfig { LatentSize = 8 },
            Training = new TrainingSettings(), State = new TrainingState { Step = 10, EpochsDone = 1 },
        };
        var card = ModelCard.Render(manifest, "## Data\nfrom somewhere", """{"valid":0.99}""");
        Assert.Contains("latent 8", card);
        Assert.Contains("## Data", card);
        Assert.Contains("\"valid\":0.99", card);
        Assert.Contains("completed: no", card);
    }
}
