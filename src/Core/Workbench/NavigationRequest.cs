using LatentWorkbench.Core.Latent;

namespace LatentWorkbench.Core.Workbench;

/// <summary>A navigation request: start item, objective terms, constraint and search effort.</summary>
/// <param name="Start">Start item text.</param>
/// <param name="Objective">Weighted objective terms on properties.</param>
/// <param name="MinSimilarity">Candidates must be at least this similar to the start (0 = no constraint).</param>
/// <param name="Ascent">Gradient settings (used when every term has a property head).</param>
/// <param name="SamplesPerStep">Extra decodes around each trajectory point (neighbourhood sampling).</param>
/// <param name="SampleRadius">Standard deviation of that neighbourhood, in latent units.</param>
/// <param name="Seed">Seed of the neighbourhood samples.</param>
/// <param name="Accept">Further constraint on candidates (e.g. a substructure must stay), or null.</param>
public sealed record NavigationRequest(string Start, IReadOnlyList<ObjectiveTerm> Objective, double MinSimilarity = 0,
    AscentSettings? Ascent = null, int SamplesPerStep = 4, double SampleRadius = 0.5, int Seed = 1, Func<LatentPoint, bool>? Accept = null);
