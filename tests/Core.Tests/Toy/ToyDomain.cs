using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Training;

namespace LatentWorkbench.Core.Tests.Toy;

/// <summary>
/// A synthetic sequence language for engine tests: items are 3..7 letters from ABCDEH written without spaces, never
/// with two H in a row (the decoding constraint enforces it). Properties: share of A, and length.
/// </summary>
public sealed class ToyDomain : IDomainModule
{
    public const string Letters = "ABCDEH";

    public string Id => "toy";
    public string DisplayName => "Toy letters";
    public string Description => "Strings of 3 to 7 letters (A-E and H) with no HH.";
    public string ItemField => "letters";
    public ITokenizer Tokenizer { get; } = new ToyTokenizer();
    public IItemValidator Validator { get; } = new ToyValidator();
    public IPropertyCalculator Properties { get; } = new ToyProperties();
    public ISimilarity Similarity { get; } = new ToySimilarity();
    public IDatasetReader Datasets { get; } = new ToyDatasets();
    public IReadOnlyList<AttributeDefinition> Attributes { get; } = [new("a_share", "Share of A", "Fraction of letters that are A")];
    public IDecodingConstraintFactory? DecodingConstraint { get; } = new ToyConstraintFactory();
    public DomainDefaults Defaults { get; } = new(
        new VaeConfig { EmbeddingSize = 16, EncoderHidden = 64, LatentSize = 16, DecoderHidden = 128, MaxLength = 10, PropertyHeadHidden = 32, PropertyNames = ["a_share"] },
        new TrainingSettings { Epochs = 30, BatchSize = 64, LearningRate = 5e-3, WarmupSteps = 30, KlWeight = 0.1, KlWarmupSteps = 600, FreeBitsPerDim = 0.25, WordDropout = 0.0, CheckpointEverySteps = 0, ValidationReconstructionLimit = 0 },
        "toy");
    public IReadOnlyList<SampleItem> Samples { get; } = [new("abc", "ABC", []), new("hah", "HAHA", [])];
    public DomainViews Views { get; init; } = new(typeof(object));

    /// <summary>Deterministic random items of the language.</summary>
    public static List<string> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var items = new List<string>();
        while (items.Count < count)
        {
            var length = random.Next(3, 8);
            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                do chars[i] = Letters[random.Next(Letters.Length)];
                while (i > 0 && chars[i] == 'H' && chars[i - 1] == 'H');
            }
            items.Add(new string(chars));
        }
        return items;
    }

    public static double AShare(string text) => text.Length == 0 ? 0 : (double)text.Count(c => c == 'A') / text.Length;
}
