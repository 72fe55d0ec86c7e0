// Property-guided navigation (Gomez-Bombarelli et al. 2018): gradient steps on the property heads with respect to
// z, with a prior penalty and a trust region around the start.
using static TorchSharp.torch;

namespace LatentWorkbench.Core.Latent;

/// <summary>Settings of gradient navigation in latent space.</summary>
/// <param name="Steps">Gradient steps.</param>
/// <param name="StepSize">Length of each step in latent units (the gradient is normalised).</param>
/// <param name="PriorWeight">Weight of the penalty 0.5 * |z|^2 that keeps z where the prior has mass.</param>
/// <param name="TrustRadius">Largest distance from the start; points beyond are pulled back onto the sphere.</param>
public sealed record AscentSettings(int Steps = 20, double StepSize = 0.15, double PriorWeight = 0.05, double TrustRadius = 4.0);

internal static class PropertyAscent
{
    /// <summary>Trajectory of z (start included) climbing the weighted head objective.</summary>
    public static float[][] Climb(LatentModel model, float[] start, IReadOnlyList<ObjectiveTerm> terms, AscentSettings s)
    {
        var names = model.Manifest.Model.PropertyNames;
        var columns = terms.Select(t => names.ToList().IndexOf(t.Property)).ToArray();
        for (int i = 0; i < columns.Length; i++)
            if (columns[i] < 0) throw new ArgumentException($"The model has no property head for '{terms[i].Property}'; heads: {string.Join(", ", names)}.");
        var trajectory = new List<float[]> { (float[])start.Clone() };
        var z = (float[])start.Clone();
        for (int step = 0; step < s.Steps; step++)
        {
            using var scope = NewDisposeScope();
            var zt = model.Rows([z]).requires_grad_(true);
            var predicted = model.Network.PredictProperties(zt)!; // (1, P), standardised
            var objective = zeros(1, device: model.Device);
            for (int i = 0; i < terms.Count; i++)
            {
                var value = predicted[0, columns[i]];
                var scale = model.Manifest.PropertyScaling.GetValueOrDefault(names[columns[i]]) ?? new Checkpoints.PropertyScale(0, 1);
                objective += terms[i].Weight * (terms[i].Kind switch
                {
                    ObjectiveKind.Maximize => value,
                    ObjectiveKind.Minimize => -value,
                    _ => -(value - (terms[i].Target - scale.Mean) / scale.Std).square(),
                });
            }
            objective -= s.PriorWeight * 0.5 * zt.square().sum();
            objective.sum().backward();
            var gradient = zt.grad!.detach();
            var norm = gradient.norm().item<float>();
            if (norm < 1e-8) break;
            var next = (zt.detach() + s.StepSize * gradient / norm)[0];
            z = next.data<float>().ToArray();
            ClampToTrustRegion(z, start, s.TrustRadius);
            trajectory.Add((float[])z.Clone());
        }
        return [.. trajectory];
    }

    private static void ClampToTrustRegion(float[] z, float[] start, double radius)
    {
        double d = 0;
        for (int i = 0; i < z.Length; i++) d += (z[i] - start[i]) * (z[i] - start[i]);
        d = Math.Sqrt(d);
        if (d <= radius) return;
        for (int i = 0; i < z.Length; i++) z[i] = (float)(start[i] + (z[i] - start[i]) * radius / d);
    }
}
