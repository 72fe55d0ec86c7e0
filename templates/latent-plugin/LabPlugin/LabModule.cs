using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Training;
using LabPlugin.Views;

namespace LabPlugin;

/// <summary>
/// The plugin's domain module: the host finds it because it is public and has a parameterless constructor. Optional
/// capabilities (<c>Files</c>, <c>Audio</c>, <c>StructureSearch</c>, <c>DecodingConstraint</c>, <c>Evaluator</c>) and the
/// optional views (<c>PropertyPanel</c>, <c>ItemEditor</c>) are left out here, so the host uses its own; docs/plugins.md
/// says how to add them.
/// </summary>
public sealed class LabModule : IDomainModule
{
    /// <summary>Creates the module.</summary>
    public LabModule() => Datasets = new LabDatasetReader(Validator, Properties);

    /// <inheritdoc/>
    public string Id => "oligos";
    /// <inheritdoc/>
    public string DisplayName => "LabPlugin";
    /// <inheritdoc/>
    public string Description => "DNA oligonucleotides (A, C, G, T), up to 60 nucleotides.";
    /// <inheritdoc/>
    public string ItemField => "sequence";
    /// <inheritdoc/>
    public ITokenizer Tokenizer { get; } = new LabTokenizer();
    /// <inheritdoc/>
    public IItemValidator Validator { get; } = new LabValidator();
    /// <inheritdoc/>
    public IPropertyCalculator Properties { get; } = new LabProperties();
    /// <inheritdoc/>
    public ISimilarity Similarity { get; } = new EditDistanceSimilarity();
    /// <inheritdoc/>
    public IDatasetReader Datasets { get; }
    /// <inheritdoc/>
    public IReadOnlyList<AttributeDefinition> Attributes { get; } = [new("gc_content", "GC content", "Fraction of G and C")];
    /// <inheritdoc/>
    public DomainDefaults Defaults { get; } = new(
        new VaeConfig { EmbeddingSize = 16, EncoderHidden = 64, LatentSize = 16, DecoderHidden = 128, MaxLength = Alphabet.MaxLength + 1, PropertyNames = ["gc_content"] },
        new TrainingSettings { Epochs = 10, BatchSize = 64, KlWeight = 0.3, KlWarmupSteps = 1000, CheckpointEverySteps = 200 },
        "oligos");
    /// <inheritdoc/>
    public IReadOnlyList<SampleItem> Samples { get; } =
    [
        new("M13 forward primer", "GTAAAACGACGGCCAGT", ["primer"]),
        new("T7 promoter primer", "TAATACGACTCACTATAGGG", ["primer"]),
    ];
    /// <inheritdoc/>
    public DomainViews Views { get; } = new(typeof(ItemView));
}
