using System.Globalization;
using System.Text;

namespace LatentWorkbench.Core.Checkpoints;

/// <summary>Renders the short model card (<c>MODEL_CARD.md</c>) of a checkpoint from its manifest.</summary>
public static class ModelCard
{
    /// <summary>Markdown text of the card, with optional notes (markdown) and evaluation figures (JSON object).</summary>
    public static string Render(CheckpointManifest m, string? notes = null, string? evaluationJson = null)
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine($"# Model card: {m.DomainId} sequence VAE").AppendLine();
        s.AppendLine("## Model");
        s.AppendLine(c, $"- Embedding {m.Model.EmbeddingSize}; encoder bidirectional GRU {m.Model.EncoderHidden} x {m.Model.EncoderLayers} layer(s); latent {m.Model.LatentSize}; decoder GRU {m.Model.DecoderHidden}; max length {m.Model.MaxLength} tokens; vocabulary {m.Vocabulary.Count} tokens.");
        if (m.Model.PropertyNames.Count > 0) s.AppendLine($"- Property heads: {string.Join(", ", m.Model.PropertyNames)}.");
        if (m.Model.TagNames.Count > 0) s.AppendLine($"- Tag classifier: {string.Join(", ", m.Model.TagNames)}.");
        if (m.Model.EventEndTokens.Count > 0)
            s.AppendLine($"- Event decoder: one GRU step per event, chained heads inside it; events end with {string.Join(", ", m.Model.EventEndTokens)} or the end token.");
        s.AppendLine().AppendLine("## Training");
        var t = m.Training;
        s.AppendLine(c, $"- {m.TrainingItems:N0} items (data fingerprint `{m.DataFingerprint}`); {m.State.EpochsDone}/{t.Epochs} epochs, {m.State.Step:N0} steps, {m.State.Seconds / 3600:0.00} h; completed: {(m.State.Completed ? "yes" : "no")}.");
        s.AppendLine(c, $"- AdamW lr {t.LearningRate:g3} (warm-up {t.WarmupSteps}, cosine to {t.MinLearningRateFraction:g2}), batch {t.BatchSize}, clip {t.GradientClip:g3}, weight decay {t.WeightDecay:g2}.");
        s.AppendLine(c, $"- KL weight {t.KlWeight:g3}, {t.KlSchedule} schedule over {t.KlWarmupSteps} steps, free bits {t.FreeBitsPerDim:g2} nats/dim; word dropout {t.WordDropout:g2}; seed {t.Seed}.");
        s.AppendLine($"- TorchSharp {m.TorchSharpVersion}; written {m.WrittenUtc:u}.");
        if (m.Metrics is { } v)
        {
            s.AppendLine().AppendLine("## Validation");
            s.AppendLine(c, $"- Teacher-forced token accuracy {v.TokenAccuracy:0.0000}; greedy exact reconstruction {v.ExactReconstruction:0.0000}.");
            if (v.GreedyTokenAccuracy is { } greedy) s.AppendLine(c, $"- Greedy per-step token accuracy {greedy:0.0000}.");
            s.AppendLine(c, $"- KL {v.Kl:0.00} nats/item; active units {v.ActiveUnits}/{m.Model.LatentSize} ({v.ActiveUnitsFraction:0.00}).");
            foreach (var (name, mae) in v.PropertyMae) s.AppendLine(c, $"- Property MAE {name}: {mae:0.0000}.");
            if (v.TagAccuracy is { } tag) s.AppendLine(c, $"- Tag accuracy {tag:0.0000}.");
            s.AppendLine(c, $"- Measured on {v.Items:N0} held-out items.");
        }
        if (evaluationJson is not null)
        {
            s.AppendLine().AppendLine("## Evaluation (`latent evaluate`)").AppendLine().AppendLine("```json").AppendLine(evaluationJson.Trim()).AppendLine("```");
        }
        if (m.Notes.Length > 0) s.AppendLine().AppendLine("## Training notes").AppendLine(m.Notes);
        if (!string.IsNullOrWhiteSpace(notes)) s.AppendLine().AppendLine(notes.Trim());
        return s.ToString();
    }
}
