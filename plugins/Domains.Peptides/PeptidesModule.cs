using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Training;
using LatentWorkbench.Domains.Peptides.Views;

namespace LatentWorkbench.Domains.Peptides;

/// <summary>Peptides as amino-acid sequences (20 standard residues, one token each); a plugin built on the public contract only.</summary>
public sealed class PeptidesModule : IDomainModule
{
    private static readonly string[] HeadProperties = ["gravy", "net_charge"];

    /// <summary>Creates the module.</summary>
    public PeptidesModule()
    {
        Datasets = new PeptideDatasetReader(Validator, Properties, HeadProperties);
    }

    /// <inheritdoc/>
    public string Id => "peptides";
    /// <inheritdoc/>
    public string DisplayName => "Peptides";
    /// <inheritdoc/>
    public string Description => "Peptides of the 20 standard amino acids in one-letter code (linear, free termini).";
    /// <inheritdoc/>
    public string ItemField => "sequence";
    /// <inheritdoc/>
    public string ItemNoun => "peptide";
    /// <inheritdoc/>
    public ITokenizer Tokenizer { get; } = new PeptideTokenizer();
    /// <inheritdoc/>
    public IItemValidator Validator { get; } = new PeptideValidator();
    /// <inheritdoc/>
    public IPropertyCalculator Properties { get; } = new PeptideProperties();
    /// <inheritdoc/>
    public ISimilarity Similarity { get; } = new EditDistanceSimilarity();
    /// <inheritdoc/>
    public IDatasetReader Datasets { get; }
    /// <inheritdoc/>
    public IReadOnlyList<AttributeDefinition> Attributes { get; } =
    [
        new("gravy", "Hydrophobicity", "GRAVY (Kyte–Doolittle)"), new("net_charge", "Charge", "Net charge at pH 7"),
        new("fraction_aromatic", "Aromatic share", "Fraction of F, W and Y"),
    ];
    /// <inheritdoc/>
    public DomainDefaults Defaults { get; } = new(
        new VaeConfig
        {
            EmbeddingSize = 32, EncoderHidden = 128, LatentSize = 64, DecoderHidden = 256, MaxLength = 50,
            PropertyHeadHidden = 32, PropertyNames = HeadProperties,
        },
        new TrainingSettings
        {
            Epochs = 24, BatchSize = 64, LearningRate = 3e-3, WarmupSteps = 100, KlWeight = 0.2, KlWarmupSteps = 2000,
            FreeBitsPerDim = 0.25, WordDropout = 0.1, PropertyWeight = 2, CheckpointEverySteps = 200, ValidationReconstructionLimit = 300,
        },
        "peptides");
    /// <inheritdoc/>
    public IReadOnlyList<SampleItem> Samples => PeptideSamples.All;
    /// <inheritdoc/>
    public DomainViews Views { get; } = new(typeof(PeptideSequence), typeof(PeptidePanel));
}
