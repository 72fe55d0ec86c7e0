using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Core.Latent.Decoding;

/// <summary>Picks a token from one row of logits under the constraint mask (greedy or nucleus sampling), on the host.</summary>
internal sealed class TokenChooser
{
    private readonly SpecialTokenIds _specials;
    private readonly DecodeOptions _options;
    private readonly Random _random;
    private readonly bool[] _allowed;
    private readonly double[] _probabilities;
    private readonly int[] _order;

    public TokenChooser(int vocabularySize, SpecialTokenIds specials, DecodeOptions options)
    {
        _specials = specials;
        _options = options;
        _random = new Random(options.Seed);
        _allowed = new bool[vocabularySize];
        _probabilities = new double[vocabularySize];
        _order = new int[vocabularySize];
    }

    /// <summary>Chosen token id and its log-probability under the masked, temperature-scaled distribution.</summary>
    public (int Id, double LogProbability) Choose(ReadOnlySpan<float> logits, IConstraintState? state, int remaining)
    {
        FillAllowed(state, remaining);
        double max = double.NegativeInfinity;
        int best = -1;
        for (int t = 0; t < logits.Length; t++)
            if (_allowed[t] && logits[t] > max) { max = logits[t]; best = t; }
        if (best < 0) return (_specials.Eos, double.NegativeInfinity);
        var temperature = _options.Strategy == DecodeStrategy.Sample ? Math.Max(1e-3, _options.Temperature) : 1.0;
        double sum = 0;
        for (int t = 0; t < logits.Length; t++)
        {
            _probabilities[t] = _allowed[t] ? Math.Exp((logits[t] - max) / temperature) : 0;
            sum += _probabilities[t];
        }
        var chosen = _options.Strategy == DecodeStrategy.Sample ? SampleNucleus(sum) : best;
        return (chosen, Math.Log(_probabilities[chosen] / sum));
    }

    /// <summary>Masked log-softmax of a row (disallowed tokens get negative infinity).</summary>
    public void LogProbabilities(ReadOnlySpan<float> logits, IConstraintState? state, int remaining, Span<float> result)
    {
        FillAllowed(state, remaining);
        double max = double.NegativeInfinity;
        for (int t = 0; t < logits.Length; t++) if (_allowed[t]) max = Math.Max(max, logits[t]);
        double sum = 0;
        for (int t = 0; t < logits.Length; t++) if (_allowed[t]) sum += Math.Exp(logits[t] - max);
        var logSum = max + Math.Log(sum);
        for (int t = 0; t < logits.Length; t++) result[t] = _allowed[t] ? (float)(logits[t] - logSum) : float.NegativeInfinity;
    }

    private void FillAllowed(IConstraintState? state, int remaining)
    {
        if (state is null)
        {
            Array.Fill(_allowed, true);
            if (remaining <= 1) { Array.Fill(_allowed, false); _allowed[_specials.Eos] = true; }
        }
        else
        {
            state.FillAllowed(_allowed, remaining);
        }
        _allowed[_specials.Pad] = _allowed[_specials.Bos] = _allowed[_specials.Unknown] = false;
    }

    private int SampleNucleus(double sum)
    {
        int n = _probabilities.Length;
        for (int i = 0; i < n; i++) _order[i] = i;
        Array.Sort(_order, (a, b) => _probabilities[b].CompareTo(_probabilities[a]));
        var topP = Math.Clamp(_options.TopP, 1e-6, 1.0);
        double kept = 0;
        int count = 0;
        while (count < n && _probabilities[_order[count]] > 0 && (count == 0 || kept / sum < topP))
            kept += _probabilities[_order[count++]];
        var target = _random.NextDouble() * kept;
        for (int i = 0; i < count; i++)
        {
            target -= _probabilities[_order[i]];
            if (target <= 0) return _order[i];
        }
        return _order[Math.Max(0, count - 1)];
    }
}
