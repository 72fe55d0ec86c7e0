using System.Text.Json;
using LatentWorkbench.Core.Training;
using LatentWorkbench.Web.Services;

namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>A checkpoint in the catalog, with its training state and figures.</summary>
/// <param name="Name">Checkpoint folder name.</param>
/// <param name="Domain">Domain id.</param>
/// <param name="Active">Whether this checkpoint serves the domain.</param>
/// <param name="Step">Optimisation steps done.</param>
/// <param name="Epochs">Epochs done.</param>
/// <param name="Completed">Whether training finished all planned epochs.</param>
/// <param name="TrainingItems">Items trained on.</param>
/// <param name="WrittenUtc">When the checkpoint was written.</param>
/// <param name="LatentSize">Latent dimensions.</param>
/// <param name="Metrics">Held-out validation figures, or null when none were measured.</param>
/// <param name="Evaluation">The stored evaluation report (the JSON of <c>latent evaluate</c>), or null when there is none.</param>
/// <param name="HasModelCard">Whether the checkpoint has a model card.</param>
public sealed record ModelResponse(string Name, string Domain, bool Active, long Step, int Epochs, bool Completed, int TrainingItems,
    DateTime WrittenUtc, int LatentSize, ValidationMetrics? Metrics, JsonElement? Evaluation, bool HasModelCard)
{
    /// <summary>The response for catalog entry <paramref name="e"/>.</summary>
    public static ModelResponse Of(ModelEntry e) => new(e.Name, e.Domain, e.Active, e.Manifest.State.Step, e.Manifest.State.EpochsDone,
        e.Manifest.State.Completed, e.Manifest.TrainingItems, e.Manifest.WrittenUtc, e.Manifest.Model.LatentSize, e.Manifest.Metrics,
        e.Evaluation is null ? null : JsonDocument.Parse(e.Evaluation).RootElement, e.Card is not null);
}
