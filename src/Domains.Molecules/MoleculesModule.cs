using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Training;
using LatentWorkbench.Domains.Molecules.Smiles;
using LatentWorkbench.Domains.Molecules.Views;

namespace LatentWorkbench.Domains.Molecules;

/// <summary>Molecules as SMILES: a C# chemistry toolkit for validity, properties and similarity; valid-by-construction decoding.</summary>
public sealed class MoleculesModule : IDomainModule
{
    private static readonly MoleculeFiles FileFormats = new();
    private static readonly MoleculeSearch Search = new();

    private static readonly MoleculeValidator SharedValidator = new();

    /// <inheritdoc/>
    public string Id => "molecules";
    /// <inheritdoc/>
    public string DisplayName => "Molecules";
    /// <inheritdoc/>
    public string Description => "Small organic molecules written as SMILES.";
    /// <inheritdoc/>
    public string ItemField => "smiles";
    /// <inheritdoc/>
    public string ItemNoun => "molecule";
    /// <inheritdoc/>
    public ITokenizer Tokenizer { get; } = new SmilesTokenizer();
    /// <inheritdoc/>
    public IItemValidator Validator => SharedValidator;
    /// <inheritdoc/>
    public IPropertyCalculator Properties { get; } = new MoleculeProperties();
    /// <inheritdoc/>
    public ISimilarity Similarity { get; } = new TanimotoSimilarity();
    /// <inheritdoc/>
    public IDatasetReader Datasets { get; } = new MoleculeDatasetReader(SharedValidator.Canonicalize);
    /// <inheritdoc/>
    public IReadOnlyList<AttributeDefinition> Attributes { get; } =
    [
        new("qed", "Drug-likeness", "QED"), new("logp", "Lipophilicity", "Crippen logP"), new("tpsa", "Polarity", "TPSA"),
    ];
    /// <inheritdoc/>
    public IDecodingConstraintFactory? DecodingConstraint { get; } = new SmilesConstraintFactory();
    /// <inheritdoc/>
    public DomainDefaults Defaults { get; } = new(
        new VaeConfig
        {
            EmbeddingSize = 64, EncoderHidden = 256, LatentSize = 64, DecoderHidden = 512, MaxLength = 122,
            PropertyHeadHidden = 128, PropertyNames = ["logp", "qed", "sas"],
        },
        new TrainingSettings
        {
            Epochs = 8, BatchSize = 128, LearningRate = 2e-3, WarmupSteps = 500, KlWeight = 0.3, KlWarmupSteps = 8000,
            FreeBitsPerDim = 0.2, WordDropout = 0.1, PropertyWeight = 10, CheckpointEverySteps = 300, ValidationReconstructionLimit = 1000,
        },
        "molecules");
    /// <inheritdoc/>
    public IReadOnlyList<SampleItem> Samples { get; } = MoleculeSamples.All;
    /// <inheritdoc/>
    public DomainViews Views { get; } = new(typeof(MoleculeCard));
    /// <inheritdoc/>
    public IDomainEvaluator? Evaluator { get; } = new Evaluation.MosesMetrics();
    /// <inheritdoc/>
    public IItemFiles? Files => FileFormats;
    /// <inheritdoc/>
    public IStructureSearch? StructureSearch => Search;
}
