using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Runtime;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LatentWorkbench.Core.Training;

/// <summary>
/// One optimisation step: forward, loss, backward, gradient clipping, AdamW. In <see cref="Precision.Bf16"/> it is mixed
/// precision: a bfloat16 working copy of the network computes the gradients (its matrix products run at twice the
/// float32 rate on CPUs with bfloat16 instructions), which are copied as float32 onto the master weights that AdamW
/// updates; the loss is always computed in float32.
/// </summary>
internal sealed class TrainingStep : IDisposable
{
    private readonly SequenceVae _master;
    private readonly SequenceVae? _working;
    private readonly OptimizerHelper _optimizer;
    private readonly TrainingSettings _settings;
    private readonly ScheduledSampling? _sampling;

    /// <summary>A step for <paramref name="master"/>; <paramref name="sampling"/> feeds the network's own predictions back at the rate given to <see cref="Run"/> (null: pure teacher forcing).</summary>
    public TrainingStep(SequenceVae master, OptimizerHelper optimizer, TrainingSettings settings, Device device, ScheduledSampling? sampling = null)
    {
        _master = master;
        _sampling = sampling;
        _optimizer = optimizer;
        _settings = settings;
        if (settings.Precision != Precision.Fp32) _working = master.CopyAs(PrecisionSelector.ScalarType(settings.Precision), device);
    }

    /// <summary>
    /// Runs the step on <paramref name="batch"/> with the given KL weight, feeding back the network's own predictions at
    /// <paramref name="samplingRate"/> (scheduled sampling); the loss terms live in the caller's dispose scope.
    /// </summary>
    public VaeLossTerms Run(TrainingBatch batch, double klWeight, double samplingRate = 0)
    {
        _working?.CopyParametersFrom(_master);
        var network = _working ?? _master;
        var decoderInput = batch.DecoderInput;
        if (_sampling is not null && samplingRate > 0)
        {
            using var _ = no_grad();
            decoderInput = _sampling.Mix(decoderInput, network.call(batch.Encoder, decoderInput).Logits, samplingRate);
        }
        var terms = VaeLoss.Compute(network.call(batch.Encoder, decoderInput).ToFloat32(), batch, _settings, klWeight);
        _optimizer.zero_grad();
        _working?.zero_grad();
        terms.Total.backward();
        if (_working is not null) CopyGradients(_working, _master);
        if (_settings.GradientClip > 0) nn.utils.clip_grad_norm_(_master.parameters(), _settings.GradientClip);
        _optimizer.step();
        return terms;
    }

    /// <summary>Gradients of the working copy, converted to float32, as the master's gradients.</summary>
    private static void CopyGradients(SequenceVae working, SequenceVae master)
    {
        using var _ = no_grad();
        foreach (var (from, to) in working.parameters().Zip(master.parameters()))
        {
            if (from.grad is not { } gradient) continue;
            if (to.grad is { } existing) existing.copy_(gradient);
            else to.grad = gradient.to(ScalarType.Float32).DetachFromDisposeScope();
        }
    }

    public void Dispose() => _working?.Dispose();
}
