namespace LatentWorkbench.Core.Models;

/// <summary>Sizes of the sequence VAE. Every knob has a default that suits a small CPU model.</summary>
public sealed record VaeConfig
{
    /// <summary>Token embedding width.</summary>
    public int EmbeddingSize { get; init; } = 64;

    /// <summary>Hidden size of each direction of the bidirectional GRU encoder.</summary>
    public int EncoderHidden { get; init; } = 256;

    /// <summary>Number of encoder GRU layers.</summary>
    public int EncoderLayers { get; init; } = 1;

    /// <summary>Latent dimensions (size of z).</summary>
    public int LatentSize { get; init; } = 64;

    /// <summary>Hidden size of the GRU decoder.</summary>
    public int DecoderHidden { get; init; } = 512;

    /// <summary>Longest sequence in tokens, including the end token.</summary>
    public int MaxLength { get; init; } = 120;

    /// <summary>Hidden width of each property head (MLP from z), 0 for linear heads.</summary>
    public int PropertyHeadHidden { get; init; } = 64;

    /// <summary>Names of the properties predicted from z (targets come from the data set).</summary>
    public IReadOnlyList<string> PropertyNames { get; init; } = [];

    /// <summary>Names of the tags (e.g. styles) a classifier head predicts from z; empty for none.</summary>
    public IReadOnlyList<string> TagNames { get; init; } = [];

    /// <summary>
    /// Tokens that end an event (e.g. a note's last field); the end token also ends one. Empty (the default, and what
    /// checkpoints written before this setting read as) gives the flat decoder that steps once per token; otherwise the
    /// decoder steps once per event and predicts the tokens inside an event with a chained head (<c>EventHead</c>).
    /// </summary>
    public IReadOnlyList<string> EventEndTokens { get; init; } = [];
}
