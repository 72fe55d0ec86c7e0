using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Core.Tests.Workbench;

public class AttributeVectorTests
{
    /// <summary>The toy domain steered by a tag (p_style) and by length, which go together in the data below.</summary>
    private sealed class TaggedToy : IDomainModule
    {
        private readonly ToyDomain _toy = new();
        public string Id => _toy.Id;
        public string DisplayName => _toy.DisplayName;
        public string Description => _toy.Description;
        public string ItemField => _toy.ItemField;
        public ITokenizer Tokenizer => _toy.Tokenizer;
        public IItemValidator Validator => _toy.Validator;
        public IPropertyCalculator Properties => _toy.Properties;
        public ISimilarity Similarity => _toy.Similarity;
        public IDatasetReader Datasets => _toy.Datasets;
        public IReadOnlyList<AttributeDefinition> Attributes { get; } = [new("p_style", "Style", ""), new("length", "Length", "")];
        public IDecodingConstraintFactory? DecodingConstraint => _toy.DecodingConstraint;
        public DomainDefaults Defaults => _toy.Defaults;
        public IReadOnlyList<SampleItem> Samples => _toy.Samples;
        public DomainViews Views => _toy.Views;
    }

    private static readonly VaeConfig Config = new() { TagNames = ["style"] };

    /// <summary>
    /// Items of every length 3..7 with and without the tag, but tagged items are mostly long and untagged ones mostly
    /// short. Latent: (tagged, length / 7, 1).
    /// </summary>
    private static (List<TrainingRecord> Items, List<float[]> Latents) Data()
    {
        var items = new List<TrainingRecord>();
        for (int length = 3; length <= 7; length++)
            foreach (var tagged in new[] { false, true })
                for (int copy = 0; copy < (tagged == length >= 5 ? 6 : 1); copy++)
                    items.Add(new TrainingRecord(new string('B', length), new Dictionary<string, double>(), tagged ? ["style"] : []));
        var latents = items.Select(r => new[] { r.Tags.Count, r.Text.Length / 7f, 1f }).ToList();
        return (items, latents);
    }

    [Fact]
    public void AttributeVectors_TagMatchedOnTheOtherAttributes_CarriesNoLength()
    {
        var (items, latents) = Data();
        var plain = AttributeVectors.Compute(new TaggedToy(), Config, items, latents, matchTags: false);
        Assert.True(plain["p_style"][1] > 0.1, $"the data should tie length to the tag (plain length part {plain["p_style"][1]:0.###})");

        var matched = AttributeVectors.Compute(new TaggedToy(), Config, items, latents);

        Assert.Equal(1, matched["p_style"][0], 4);
        Assert.Equal(0, matched["p_style"][1], 4); // each item met one of the other group of its own length
        Assert.Equal(0, matched["p_style"][2], 4);
        Assert.Equal(plain["length"], matched["length"]); // continuous attributes are a plain top-minus-bottom difference
        Assert.True(matched["length"][1] > 0.3);
    }

    [Fact]
    public void AttributeVectors_TiesAtAQuartile_GoInWhole_SoTheDataOrderDoesNotMatter()
    {
        // Like swing: most items share the lowest value (length 3 here), a few are higher. Latent: (length / 7, 0, 0).
        var texts = Enumerable.Repeat("BBB", 40).Concat(["BBBB", "BBBBB", "BBBBBB", "BBBBBBB", "BBBBB"]).ToList();
        var items = texts.Select(TrainingRecord.Of).ToList();
        float[] Latent(string text) => [text.Length / 7f, 0, 0];
        var forward = AttributeVectors.Compute(new TaggedToy(), Config, items, items.Select(r => Latent(r.Text)).ToList());
        var reversed = Enumerable.Reverse(items).ToList();
        var backward = AttributeVectors.Compute(new TaggedToy(), Config, reversed, reversed.Select(r => Latent(r.Text)).ToList());

        Assert.Equal(forward["length"], backward["length"]);
        // Low: all forty items of length 3; high: the five longer ones (mean length 5.4).
        Assert.Equal((5.4 - 3) / 7, forward["length"][0], 5);
    }
}
