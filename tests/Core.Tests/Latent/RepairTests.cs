using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Core.Tests.Latent;

[Collection(ToyModelCollection.Name)]
public sealed class RepairTests(ToyModelFixture toy)
{
    /// <summary>The toy domain with a rule its decoding constraint cannot see: some items are forbidden.</summary>
    private sealed class PickyToy(ToyDomain inner, IReadOnlySet<string> forbidden) : IDomainModule
    {
        public string Id => inner.Id;
        public string DisplayName => inner.DisplayName;
        public string Description => inner.Description;
        public string ItemField => inner.ItemField;
        public ITokenizer Tokenizer => inner.Tokenizer;
        public IItemValidator Validator { get; } = new Forbidding(inner.Validator, forbidden);
        public IPropertyCalculator Properties => inner.Properties;
        public ISimilarity Similarity => inner.Similarity;
        public IDatasetReader Datasets => inner.Datasets;
        public IReadOnlyList<AttributeDefinition> Attributes => inner.Attributes;
        public IDecodingConstraintFactory? DecodingConstraint => inner.DecodingConstraint;
        public DomainDefaults Defaults => inner.Defaults;
        public IReadOnlyList<SampleItem> Samples => inner.Samples;
        public DomainViews Views => inner.Views;
    }

    private sealed class Forbidding(IItemValidator inner, IReadOnlySet<string> forbidden) : IItemValidator
    {
        public ValidationResult Validate(string text) =>
            forbidden.Contains(text) ? ValidationResult.Invalid("this item is forbidden") : inner.Validate(text);
    }

    [Fact]
    public void Decode_InvalidGreedyItem_IsRepairedFromTheSameLatentPoint()
    {
        // Far from the data the model is unsure, so beam search or sampling can find another item for the same z.
        var random = new Random(5);
        var z = Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, toy.Model.Model.LatentSize)
            .Select(_ => (float)(3 * (random.NextDouble() * 2 - 1))).ToArray()).ToArray();
        var greedy = toy.Model.Decode(z).Select(p => p.Text).ToHashSet();
        using var picky = new DomainModel(new PickyToy(toy.Domain, greedy), LatentModel.Load(toy.ModelFolder, "cpu"));
        var points = picky.Decode(z);
        var repaired = points.Count(p => p.Valid);
        Assert.True(repaired > 0, "no forbidden greedy decode was repaired");
        Assert.All(points.Where(p => p.Valid), p => Assert.DoesNotContain(p.Text, greedy));
        Assert.All(points.Where(p => !p.Valid), p => Assert.Equal("this item is forbidden", p.Error));
    }
}
