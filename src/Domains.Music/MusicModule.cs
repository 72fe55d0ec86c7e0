using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Training;
using LatentWorkbench.Domains.Music.Audio;
using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Domains.Music.Evaluation;
using LatentWorkbench.Domains.Music.Views;

namespace LatentWorkbench.Domains.Music;

/// <summary>Music as 2-bar MIDI clips written as event tokens; attributes from the clip, style from the model.</summary>
public sealed class MusicModule : IDomainModule
{
    private readonly MusicDatasetReader _reader = new(BarsPerClip);

    /// <summary>
    /// A module with the default clip length. Its sound (item audio, played paths, WAV exports) comes from the built-in
    /// synthesizer, or from FluidSynth with a General MIDI soundfont when <paramref name="fluidSynth"/> and both are
    /// installed (richer, about 2.5 times slower per clip).
    /// </summary>
    public MusicModule(bool fluidSynth = false)
    {
        var renderer = new Lazy<IAudioRenderer>(() => AudioRenderer.Detect(preferFluidSynth: fluidSynth));
        Files = new ClipFiles(_reader, () => renderer.Value);
        Audio = new ClipAudio(() => renderer.Value);
    }

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
        // The v2 design (sample-data/models/music/MODEL_CARD.md): the decoder and the encoder step once per note (event
        // ends: the velocity field, or a meter token), the tokens inside a note come from chained field heads.
        new VaeConfig
        {
            EmbeddingSize = 128, EncoderHidden = 384, LatentSize = 256, DecoderHidden = 512, MaxLength = 256,
            PropertyHeadHidden = 64, TagNames = ["jazz", "classical", "folk"],
            EventEndTokens = [.. Enumerable.Range(1, ClipVocabulary.VelocityBins.Count).Select(v => $"V{v}"), .. ClipVocabulary.Meters.Select(m => $"M{m}")],
        },
        // A plain autoencoder for the first 1,500 steps (KL weight 0), then the KL weight ramps to 0.2 over 2,000 steps
        // with 1 free nat per dimension (256 nats a clip: a 2-bar piano clip's notes need about that); scheduled sampling
        // rises to 0.4 over the first 4,000 steps.
        new TrainingSettings
        {
            Epochs = 8, BatchSize = 64, LearningRate = 2e-3, WarmupSteps = 300, KlWeight = 0.2, KlWarmupStart = 1500, KlWarmupSteps = 2000,
            FreeBitsPerDim = 1.0, WordDropout = 0.1, ScheduledSampling = 0.4, ScheduledSamplingSteps = 4000, PropertyWeight = 5,
            CheckpointEverySteps = 250, ValidationReconstructionLimit = 300,
        },
        "music");
    /// <inheritdoc/>
    public IDomainEvaluator? Evaluator { get; } = new MusicEvaluator();
    /// <inheritdoc/>
    public IReadOnlyList<SampleItem> Samples { get; } = SampleClips.Items(BarsPerClip);
    /// <inheritdoc/>
    public DomainViews Views { get; } = new(typeof(ClipView)) { TextIsAdvanced = true };
    /// <inheritdoc/>
    public IItemFiles? Files { get; }
    /// <inheritdoc/>
    public IItemAudio? Audio { get; }
}
