using System.Globalization;
using System.Text.Json;
using LatentWorkbench.Web.Services;
using Markdig;

namespace LatentWorkbench.Web.Components.Pages.Models;

/// <summary>What the Models page shows of a checkpoint: headline metrics and the model card as HTML.</summary>
public static class ModelMetrics
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    // Readable names of the figures `latent evaluate` writes (its JSON keys stay in each chip's tooltip); a domain's own
    // figures (snn, note_f1, ...) show their key with spaces.
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["items"] = "held-out items",
        ["samples"] = "prior samples",
        ["valid"] = "valid samples",
        ["unique"] = "unique samples",
        ["novelty"] = "novel samples",
        ["recon_exact"] = "exact reconstruction",
        ["token_accuracy_teacher_forced"] = "token accuracy, teacher-forced",
        ["token_accuracy_greedy"] = "token accuracy, greedy",
        ["kl"] = "KL (nats)",
        ["active_units"] = "active units",
        ["active_units_fraction"] = "active units (share)",
        ["reconstruction_nats_per_token"] = "reconstruction (nats per token)",
        ["tag_accuracy"] = "tag accuracy",
        ["snn"] = "SNN",
        ["intdiv1"] = "IntDiv1",
        ["intdiv2"] = "IntDiv2",
        ["scaf"] = "Scaf",
        ["unique_1k"] = "unique@1k",
        ["unique_10k"] = "unique@10k",
        ["note_f1"] = "note F1",
        ["property_mae"] = "property MAE",
        ["token_accuracy_by_kind"] = "token accuracy by kind",
        ["consistent"] = "encoder-consistent",
    };

    /// <summary>
    /// Numbers of the evaluation file (validity, uniqueness, novelty, ...) or else of the last validation: a readable
    /// name, the value, and the key they have in <c>latent evaluate</c>'s JSON.
    /// </summary>
    public static IEnumerable<(string Name, string Value, string Key)> Of(ModelEntry entry)
    {
        if (entry.Evaluation is { } json)
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number)
                .Select(p => (Label(p.Name), p.Value.GetDouble().ToString("0.###", CultureInfo.InvariantCulture), p.Name)).ToList();
        }
        if (entry.Manifest.Metrics is not { } m) return [];
        return [(Label("kl"), m.Kl.ToString("0.##", CultureInfo.InvariantCulture), "kl"),
            (Label("token_accuracy"), m.TokenAccuracy.ToString("0.###", CultureInfo.InvariantCulture), "token_accuracy")];
    }

    /// <summary>The readable name of a figure's key; a nested one (<c>property_mae.logp</c>) part by part.</summary>
    public static string Label(string key) =>
        string.Join(" · ", key.Split('.').Select(part => Labels.GetValueOrDefault(part) ?? part.Replace('_', ' ')));

    /// <summary>The model card (Markdown, raw HTML disabled) as HTML.</summary>
    public static string CardHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);
}
