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

    [Fact]
    public void RenderCard_KeepsTheSectionsWrittenByHand_AndRendersTheRestAgain()
    {
        var folder = Directory.CreateTempSubdirectory("latent-card-").FullName;
        try
        {
            var manifest = new CheckpointManifest
            {
                DomainId = "toy", Vocabulary = ["<pad>", "<bos>", "<eos>", "<unk>", "A"], Model = new VaeConfig { LatentSize = 8 },
                Training = new TrainingSettings(), State = new TrainingState { Step = 10, EpochsDone = 1 },
            };
            File.WriteAllText(Path.Combine(folder, CheckpointStore.NotesFile), "# History\n\nthe old model\n\n## Old data\nnotes about data\n");
            File.WriteAllText(Path.Combine(folder, CheckpointStore.EvaluationFile), """{"valid":0.5}""");
            CheckpointStore.Commit(folder, manifest);
            var cardFile = Path.Combine(folder, CheckpointStore.ModelCardFile);
            // A person adds sections to the card, one with a fenced block that holds a heading-like line.
            File.AppendAllText(cardFile, "\n## Data and provenance\nwritten by hand\n\n## Targets\n```\n## not a heading\n```\n");

            File.WriteAllText(Path.Combine(folder, CheckpointStore.EvaluationFile), """{"valid":0.75}""");
            CheckpointStore.RenderCard(folder, manifest with { State = manifest.State with { Step = 20 } });
            var card = File.ReadAllText(cardFile);
            int Count(string text) => card.Split(text).Length - 1;
            Assert.Contains("\"valid\":0.75", card);
            Assert.DoesNotContain("\"valid\":0.5", card);
            Assert.Contains("20 steps", card);
            Assert.Equal(1, Count("written by hand"));
            Assert.Equal(1, Count("## not a heading"));
            Assert.Equal(1, Count("the old model"));
            Assert.Equal(1, Count("notes about data"));
            Assert.Equal(1, Count("## Model" + Environment.NewLine));
            Assert.True(card.IndexOf("written by hand", StringComparison.Ordinal) < card.IndexOf("the old model", StringComparison.Ordinal), "hand-written sections come before the notes");

            // Writing it again changes nothing.
            CheckpointStore.RenderCard(folder, manifest with { State = manifest.State with { Step = 20 } });
            Assert.Equal(card, File.ReadAllText(cardFile));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
