using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Training;
using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Domains.Music.Evaluation;
using LatentWorkbench.Domains.Music.Views;

namespace LatentWorkbench.Domains.Music;

/// <summary>Music as 2-bar MIDI clips written as event tokens; attributes from the clip, style from the model.</summary>
public sealed class MusicModule : IDomainModule
{
    private readonly MusicDatasetReader _reader = new(BarsPerClip);

    /// <summary>A module with the default clip length.</summary>
    public MusicModule() => Files = new ClipFiles(_reader);

    /// <summary>Bars per training clip.</summary>
    public const int BarsPerClip = 2;

    /// <inheritdoc/>
    public string Id => "music";
    /// <inheritdoc/>
    public string DisplayName => "Music";
    /// <inheritdoc/>
    public string Description => "Short polyphonic MIDI clips (up to 8 notes at once) on a 12-steps-per-beat grid.";
    /// <inheritdoc/>
    public string ItemField => "clip";
    /// <inheritdoc/>
    public string ItemNoun => "clip";
    /// <inheritdoc/>
    public ITokenizer Tokenizer { get; } = new ClipTokenizer();
    /// <inheritdoc/>
    public IItemValidator Validator { get; } = new ClipValidator();
    /// <inheritdoc/>
    public IPropertyCalculator Properties { get; } = new MusicPropertyCalculator();
    /// <inheritdoc/>
    public ISimilarity Similarity { get; } = new ClipSimilarity();
    /// <inheritdoc/>
    public IDatasetReader Datasets => _reader;
    /// <inheritdoc/>
    public IReadOnlyList<AttributeDefinition> Attributes { get; } =
    [
        new("note_density", "Density", "Notes per beat"), new("syncopation", "Syncopation", "Off-beat accents"),
        new("swing", "Swing", "Long/short ratio of off-beat pairs"), new("p_jazz", "Jazz <-> classical", "Model's style probability"),
    ];
    /// <inheritdoc/>
    public IDecodingConstraintFactory? DecodingConstraint { get; } = new ClipConstraintFactory();
    /// <inheritdoc/>
    public DomainDefaults Defaults { get; } = new(
        new VaeConfig
        {
            EmbeddingSize = 64, EncoderHidden = 256, LatentSize = 128, DecoderHidden = 512, MaxLength = 256,
            PropertyHeadHidden = 64, TagNames = ["jazz", "classical", "folk"],
        },
        new TrainingSettings
        {
            Epochs = 3, BatchSize = 64, LearningRate = 2e-3, WarmupSteps = 300, KlWeight = 0.15, KlWarmupSteps = 2500,
            FreeBitsPerDim = 0.25, WordDropout = 0.1, PropertyWeight = 5, CheckpointEverySteps = 300, ValidationReconstructionLimit = 300,
        },
        "music");
    /// <inheritdoc/>
    public IDomainEvaluator? Evaluator { get; } = new MusicEvaluator();
    /// <inheritdoc/>
    public IReadOnlyList<SampleItem> Samples { get; } = SampleClips.Items(BarsPerClip);
    /// <inheritdoc/>
    public DomainViews Views { get; } = new(typeof(ClipView));
    /// <inheritdoc/>
    public IItemFiles? Files { get; }
    /// <inheritdoc/>
    public IItemAudio? Audio { get; } = new ClipAudio();
}
