using System.Globalization;
using System.Text;

namespace LatentWorkbench.Core.Checkpoints;

/// <summary>Renders the short model card (<c>MODEL_CARD.md</c>) of a checkpoint from its manifest.</summary>
public static class ModelCard
{
    // The headings of the sections the renderer writes; any other section of a card was written by hand.
    private const string ModelHeading = "## Model", TrainingHeading = "## Training", ValidationHeading = "## Validation",
        EvaluationHeading = "## Evaluation (`latent evaluate`)", NotesHeading = "## Training notes";

    private static readonly HashSet<string> RenderedHeadings = new(StringComparer.Ordinal)
    {
        ModelHeading, TrainingHeading, ValidationHeading, EvaluationHeading, NotesHeading,
    };

    /// <summary>
    /// Markdown text of the card, with optional notes (markdown) and evaluation figures (JSON object). The sections in
    /// <paramref name="handWritten"/> (see <see cref="HandWritten"/>) follow the rendered ones, before the notes.
    /// </summary>
    public static string Render(CheckpointManifest m, string? notes = null, string? evaluationJson = null, string? handWritten = null)
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine($"{TitlePrefix} {m.DomainId} sequence VAE").AppendLine();
        s.AppendLine(ModelHeading);
        s.AppendLine(c, $"- Embedding {m.Model.EmbeddingSize}; encoder bidirectional GRU {m.Model.EncoderHidden} x {m.Model.EncoderLayers} layer(s); latent {m.Model.LatentSize}; decoder GRU {m.Model.DecoderHidden}; max length {m.Model.MaxLength} tokens; vocabulary {m.Vocabulary.Count} tokens.");
        if (m.Model.PropertyNames.Count > 0) s.AppendLine($"- Property heads: {string.Join(", ", m.Model.PropertyNames)}.");
        if (m.Model.TagNames.Count > 0) s.AppendLine($"- Tag classifier: {string.Join(", ", m.Model.TagNames)}.");
        if (m.Model.EventEndTokens.Count > 0)
            s.AppendLine($"- Event decoder: one GRU step per event, chained heads inside it; events end with {string.Join(", ", m.Model.EventEndTokens)} or the end token.");
        s.AppendLine().AppendLine(TrainingHeading);
        var t = m.Training;
        s.AppendLine(c, $"- {m.TrainingItems:N0} items (data fingerprint `{m.DataFingerprint}`); {m.State.EpochsDone}/{t.Epochs} epochs, {m.State.Step:N0} steps, {m.State.Seconds / 3600:0.00} h; completed: {(m.State.Completed ? "yes" : "no")}.");
        s.AppendLine(c, $"- AdamW lr {t.LearningRate:g3} (warm-up {t.WarmupSteps}, cosine to {t.MinLearningRateFraction:g2}), batch {t.BatchSize}, clip {t.GradientClip:g3}, weight decay {t.WeightDecay:g2}.");
        s.AppendLine(c, $"- KL weight {t.KlWeight:g3}, {t.KlSchedule} schedule over {t.KlWarmupSteps} steps, free bits {t.FreeBitsPerDim:g2} nats/dim; word dropout {t.WordDropout:g2}; seed {t.Seed}.");
        s.AppendLine($"- TorchSharp {m.TorchSharpVersion}; written {m.WrittenUtc:u}.");
        if (m.Metrics is { } v)
        {
            s.AppendLine().AppendLine(ValidationHeading);
            s.AppendLine(c, $"- Teacher-forced token accuracy {v.TokenAccuracy:0.0000}; greedy exact reconstruction {v.ExactReconstruction:0.0000}.");
            if (v.GreedyTokenAccuracy is { } greedy) s.AppendLine(c, $"- Greedy per-step token accuracy {greedy:0.0000}.");
            s.AppendLine(c, $"- KL {v.Kl:0.00} nats/item; active units {v.ActiveUnits}/{m.Model.LatentSize} ({v.ActiveUnitsFraction:0.00}).");
            foreach (var (name, mae) in v.PropertyMae) s.AppendLine(c, $"- Property MAE {name}: {mae:0.0000}.");
            if (v.TagAccuracy is { } tag) s.AppendLine(c, $"- Tag accuracy {tag:0.0000}.");
            s.AppendLine(c, $"- Measured on {v.Items:N0} held-out items.");
        }
        if (evaluationJson is not null)
        {
            s.AppendLine().AppendLine(EvaluationHeading).AppendLine().AppendLine("```json").AppendLine(evaluationJson.Trim()).AppendLine("```");
        }
        if (m.Notes.Length > 0) s.AppendLine().AppendLine(NotesHeading).AppendLine(m.Notes);
        if (!string.IsNullOrWhiteSpace(handWritten)) s.AppendLine().AppendLine(handWritten.Trim());
        if (!string.IsNullOrWhiteSpace(notes)) s.AppendLine().AppendLine(notes.Trim());
        return s.ToString();
    }

    /// <summary>
    /// The sections of an existing card that were written by hand (level-2 sections the renderer does not write and
    /// that <paramref name="notes"/> does not hold, since the notes are rendered again), so that writing the card again
    /// (a new checkpoint, an evaluation, a refit) keeps them; null when there are none.
    /// </summary>
    public static string? HandWritten(string? card, string? notes)
    {
        if (string.IsNullOrWhiteSpace(card)) return null;
        var known = Normalize(notes ?? "").Trim();
        // The notes as the card holds them (rendered last, verbatim) go first, so no section runs on into them.
        var text = Normalize(card);
        if (known.Length > 0) text = text.Replace(known, "", StringComparison.Ordinal);
        var kept = Sections(text)
            .Where(section => section.Heading is { } heading && !RenderedHeadings.Contains(heading) && !heading.StartsWith(TitlePrefix, StringComparison.Ordinal)
                && !known.Contains(section.Text.Trim(), StringComparison.Ordinal))
            .Select(section => section.Text.Trim()).Where(t => t.Length > 0).ToList();
        return kept.Count == 0 ? null : string.Join("\n\n", kept);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private const string TitlePrefix = "# Model card:";

    /// <summary>The card's level-1 and level-2 sections with their headings (null for the text before the first); fenced code is not searched for headings.</summary>
    private static IEnumerable<(string? Heading, string Text)> Sections(string markdown)
    {
        string? heading = null;
        var text = new StringBuilder();
        var fenced = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) fenced = !fenced;
            if (!fenced && (line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("# ", StringComparison.Ordinal)))
            {
                yield return (heading, text.ToString());
                (heading, text) = (line.TrimEnd(), new StringBuilder());
            }
            text.Append(line).Append('\n');
        }
        yield return (heading, text.ToString());
    }
}
