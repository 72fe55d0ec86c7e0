namespace LatentWorkbench.Core.Latent.Decoding;

/// <summary>How tokens are chosen at each decoding step.</summary>
public enum DecodeStrategy
{
    /// <summary>The most likely allowed token.</summary>
    Greedy,
    /// <summary>Beam search of <see cref="DecodeOptions.BeamWidth"/> hypotheses; the best finished one is returned.</summary>
    Beam,
    /// <summary>Sampling with <see cref="DecodeOptions.Temperature"/> and nucleus <see cref="DecodeOptions.TopP"/>.</summary>
    Sample,
    /// <summary>
    /// Encoder-consistent decoding: the greedy decode and beam search's <see cref="DecodeOptions.BeamWidth"/>
    /// hypotheses are encoded again, and the valid one whose posterior mean lies nearest z wins. Decoding a point that
    /// was encoded from an item therefore gives that item back whenever it is among the hypotheses. It needs the
    /// domain's validator, so <c>PointDecoder</c> carries it out; <c>LatentModel.Decode</c> refuses it.
    /// </summary>
    Consistent,
}

/// <summary>Decoding settings. The domain's constraint, when it has one, is applied as a logit mask at every step.</summary>
public sealed record DecodeOptions
{
    /// <summary>Token choice rule.</summary>
    public DecodeStrategy Strategy { get; init; } = DecodeStrategy.Greedy;

    /// <summary>Hypotheses kept by beam search.</summary>
    public int BeamWidth { get; init; } = 4;

    /// <summary>Softmax temperature for sampling (1 = model's distribution).</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>Nucleus sampling: smallest set of tokens whose probability reaches this mass.</summary>
    public double TopP { get; init; } = 1.0;

    /// <summary>Seed for sampling: row b of a batch draws from its own generator, seeded <c>Seed + b</c>.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// With a positive value, row b of a sampled batch is seeded <c>Seed + b % SeedPeriod</c> instead, so a batch that
    /// stacks groups of <c>SeedPeriod</c> rows samples each group exactly as a batch of its own would (0 = no period).
    /// </summary>
    public int SeedPeriod { get; init; }

    /// <summary>Maximum tokens to emit (end token included); 0 = the model's maximum length.</summary>
    public int MaxLength { get; init; }

    /// <summary>Whether to apply the domain's decoding constraint.</summary>
    public bool Constrained { get; init; } = true;

    /// <summary>Greedy decoding with the constraint.</summary>
    public static DecodeOptions Default { get; } = new();

    /// <summary>Encoder-consistent decoding over the greedy decode and 8 beam hypotheses.</summary>
    public static DecodeOptions ConsistentDefault { get; } = new() { Strategy = DecodeStrategy.Consistent, BeamWidth = 8 };

    /// <summary>The names <see cref="Named"/> accepts, as user interfaces offer them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["greedy", "beam", "sample", "consistent"];

    /// <summary>
    /// Options for a decoding picked by name: <c>greedy</c>, <c>beam</c> (width 4), <c>sample</c> (temperature 0.7,
    /// nucleus 0.95, seed 1, so the same request gives the same items) or <c>consistent</c> (<see cref="ConsistentDefault"/>).
    /// Throws <see cref="ArgumentException"/> otherwise.
    /// </summary>
    public static DecodeOptions Named(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "greedy" => Default,
        "beam" => new DecodeOptions { Strategy = DecodeStrategy.Beam, BeamWidth = 4 },
        "sample" => new DecodeOptions { Strategy = DecodeStrategy.Sample, Temperature = 0.7, TopP = 0.95 },
        "consistent" => ConsistentDefault,
        _ => throw new ArgumentException($"decoding must be one of {string.Join(", ", Names)} (got '{name}')"),
    };
}
