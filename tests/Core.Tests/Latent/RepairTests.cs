using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Core.Tests.Latent;

[Collection(ToyModelCollection.Name)]
public sealed class RepairTests(ToyModelFixture toy)
{
    /// <summary>The toy domain with a rule its decoding constraint cannot see: no "AB".</summary>
    private sealed class PickyToy(ToyDomain inner) : IDomainModule
    {
        public string Id => inner.Id;
        public string DisplayName => inner.DisplayName;
        public string Description => inner.Description;
        public string ItemField => inner.ItemField;
        public ITokenizer Tokenizer => inner.Tokenizer;
        public IItemValidator Validator { get; } = new NoAb(inner.Validator);
        public IPropertyCalculator Properties => inner.Properties;
        public ISimilarity Similarity => inner.Similarity;
        public IDatasetReader Datasets => inner.Datasets;
        public IReadOnlyList<AttributeDefinition> Attributes => inner.Attributes;
        public IDecodingConstraintFactory? DecodingConstraint => inner.DecodingConstraint;
        public DomainDefaults Defaults => inner.Defaults;
        public IReadOnlyList<SampleItem> Samples => inner.Samples;
        public DomainViews Views => inner.Views;
    }

    private sealed class NoAb(IItemValidator inner) : IItemValidator
    {
        public ValidationResult Validate(string text) =>
            text.Contains("AB") ? ValidationResult.Invalid("AB is not allowed", text.IndexOf("AB", StringComparison.Ordinal)) : inner.Validate(text);
    }

    [Fact]
    public void Decode_InvalidGreedyItem_IsRepairedFromTheSameLatentPoint()
    {
        using var picky = new DomainModel(new PickyToy(toy.Domain), LatentModel.Load(toy.ModelFolder, "cpu"));
        var withAb = toy.HeldOut.Where(t => t.Contains("AB")).Take(20).ToArray();
        var z = toy.Model.Encode(withAb).Select(c => c.Mean).ToArray();
        var greedyInvalid = picky.Model.Decode(z, DecodeOptions.Default, null).Count(d => picky.Codec.ToText(d.TokenIds).Contains("AB"));
        var points = picky.Decode(z);
        var stillInvalid = points.Count(p => !p.Valid);
        Assert.True(greedyInvalid > 0, "the greedy decodes should contain AB, as their inputs do");
        Assert.True(stillInvalid < greedyInvalid, $"{stillInvalid} of {greedyInvalid} invalid decodes remain after repair");
        Assert.All(points.Where(p => p.Valid), p => Assert.DoesNotContain("AB", p.Text));
    }
}
