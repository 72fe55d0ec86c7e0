using System.Globalization;
using System.Text.Json;
using LatentWorkbench.Web.Services;
using Markdig;

namespace LatentWorkbench.Web.Components.Pages.Models;

/// <summary>What the Models page shows of a checkpoint: headline metrics and the model card as HTML.</summary>
public static class ModelMetrics
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    /// <summary>Numbers of the evaluation file (validity, uniqueness, novelty, ...) or else of the last validation.</summary>
    public static IEnumerable<(string Name, string Value)> Of(ModelEntry entry)
    {
        if (entry.Evaluation is { } json)
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number)
                .Select(p => (p.Name, p.Value.GetDouble().ToString("0.###", CultureInfo.InvariantCulture))).ToList();
        }
        if (entry.Manifest.Metrics is not { } m) return [];
        return [("kl", m.Kl.ToString("0.##", CultureInfo.InvariantCulture)), ("token accuracy", m.TokenAccuracy.ToString("0.###", CultureInfo.InvariantCulture))];
    }

    /// <summary>The model card (Markdown, raw HTML disabled) as HTML.</summary>
    public static string CardHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);
}
