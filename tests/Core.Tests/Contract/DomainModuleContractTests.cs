using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Core.Tests.Contract;

/// <summary>
/// The checks every domain module must pass, whatever its domain: derive a class that supplies the module
/// (built-in, test or loaded from a plugin folder) and xunit runs them against it.
/// </summary>
public abstract partial class DomainModuleContractTests
{
    /// <summary>The module under test.</summary>
    protected abstract IDomainModule Module { get; }

    [Fact]
    public void Id_IsLowerCaseAndUrlSafe() =>
        Assert.Matches("^[a-z][a-z0-9_-]*$", Module.Id);

    [Fact]
    public void Names_AreNotEmpty()
    {
        Assert.False(string.IsNullOrWhiteSpace(Module.DisplayName));
        Assert.False(string.IsNullOrWhiteSpace(Module.Description));
        Assert.Matches("^[a-z][a-z0-9_]*$", Module.ItemField);
    }

    [Fact]
    public void Samples_ExistAndValidate()
    {
        Assert.NotEmpty(Module.Samples);
        foreach (var sample in Module.Samples)
        {
            var result = Module.Validator.Validate(sample.Text);
            Assert.True(result.IsValid, $"{sample.Name}: {result.Error}");
            var again = Module.Validator.Validate(result.Canonical!);
            Assert.Equal(result.Canonical, again.Canonical);
        }
    }

    [Fact]
    public void Tokenizer_RoundTripsEachSample()
    {
        foreach (var sample in Module.Samples)
        {
            var canonical = Module.Validator.Validate(sample.Text).Canonical!;
            var tokens = Module.Tokenizer.Tokenize(canonical);
            Assert.True(tokens.Ok, $"{sample.Name}: {tokens.Error}");
            Assert.Equal(canonical, Module.Tokenizer.Detokenize(tokens.Tokens));
        }
    }

    [Fact]
    public void Samples_FitTheDefaultModelLength()
    {
        foreach (var sample in Module.Samples)
        {
            var tokens = Module.Tokenizer.Tokenize(Module.Validator.Validate(sample.Text).Canonical!).Tokens;
            Assert.True(tokens.Count < Module.Defaults.Model.MaxLength, $"{sample.Name}: {tokens.Count} tokens");
        }
    }

    [Fact]
    public void Properties_ComputeEveryDefinedKeyForTheSamples()
    {
        var keys = Module.Properties.Definitions.Select(d => d.Key).ToArray();
        Assert.NotEmpty(keys);
        Assert.Equal(keys.Length, keys.Distinct().Count());
        foreach (var sample in Module.Samples)
        {
            var values = Module.Properties.Compute(Module.Validator.Validate(sample.Text).Canonical!);
            foreach (var key in keys)
                Assert.True(values.TryGetValue(key, out var v) && double.IsFinite(v), $"{sample.Name}: {key}");
        }
    }

    [Fact]
    public void Similarity_IsOneForIdenticalItemsAndWithinZeroToOne()
    {
        var items = Module.Samples.Select(s => Module.Validator.Validate(s.Text).Canonical!).Take(6).ToArray();
        foreach (var a in items)
        {
            Assert.Equal(1.0, Module.Similarity.Compute(a, a), 6);
            foreach (var b in items) Assert.InRange(Module.Similarity.Compute(a, b), 0.0, 1.0);
        }
    }

    [Fact]
    public void Attributes_AreBackedByAPropertyOrATag()
    {
        var keys = Module.Properties.Definitions.Select(d => d.Key).ToHashSet();
        var tags = Module.Defaults.Model.TagNames.Select(t => "p_" + t).ToHashSet();
        foreach (var attribute in Module.Attributes) Assert.True(keys.Contains(attribute.Key) || tags.Contains(attribute.Key), attribute.Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u0001#?!")]
    public void Validator_RejectsNonsenseWithAMessage(string text)
    {
        var result = Module.Validator.Validate(text);
        Assert.False(result.IsValid);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public void Defaults_NameAModelFolderAndAView()
    {
        Assert.False(string.IsNullOrWhiteSpace(Module.Defaults.DefaultModelFolder));
        Assert.NotNull(Module.Views.ItemPicture);
    }
}
