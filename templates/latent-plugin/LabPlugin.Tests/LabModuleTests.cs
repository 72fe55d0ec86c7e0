using System.Reflection;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Plugins;

namespace LabPlugin.Tests;

/// <summary>What the host relies on: the plugin attribute, and a module whose samples survive its own tokenizer and validator.</summary>
public sealed class LabModuleTests
{
    private readonly IDomainModule _module = new LabModule();

    [Fact]
    public void Assembly_DeclaresTheContractVersionItWasBuiltAgainst() =>
        Assert.Equal(DomainContract.Version, typeof(LabModule).Assembly.GetCustomAttribute<DomainPluginAttribute>()?.ContractVersion);

    [Fact]
    public void Id_IsLowerCaseAndUrlSafe() => Assert.Matches("^[a-z][a-z0-9_-]*$", _module.Id);

    [Fact]
    public void Samples_ValidateAndRoundTripThroughTheTokenizer()
    {
        foreach (var sample in _module.Samples)
        {
            var canonical = _module.Validator.Validate(sample.Text).Canonical;
            Assert.NotNull(canonical);
            var tokens = _module.Tokenizer.Tokenize(canonical);
            Assert.True(tokens.Ok, tokens.Error);
            Assert.Equal(canonical, _module.Tokenizer.Detokenize(tokens.Tokens));
            Assert.True(tokens.Tokens.Count < _module.Defaults.Model.MaxLength);
        }
    }

    [Fact]
    public void Validator_NamesTheBadCharacterAndItsPosition()
    {
        var result = _module.Validator.Validate("ACGU");
        Assert.False(result.IsValid);
        Assert.Equal(3, result.Position);
        Assert.Contains("position 4", result.Error);
    }

    [Fact]
    public void Properties_ComputeEveryDefinedKey()
    {
        var values = _module.Properties.Compute("GCGCAT");
        foreach (var d in _module.Properties.Definitions) Assert.True(values.ContainsKey(d.Key), d.Key);
        Assert.Equal(4.0 / 6, values["gc_content"], 6);
    }

    [Fact]
    public void Views_AreRazorComponents()
    {
        Assert.True(typeof(Microsoft.AspNetCore.Components.IComponent).IsAssignableFrom(_module.Views.ItemPicture));
        foreach (var optional in new[] { _module.Views.PropertyPanel, _module.Views.ItemEditor }.OfType<Type>())
            Assert.True(typeof(Microsoft.AspNetCore.Components.IComponent).IsAssignableFrom(optional), optional.Name);
    }

    [Fact]
    public void Similarity_IsOneForIdenticalItems() => Assert.Equal(1.0, _module.Similarity.Compute("ACGT", "ACGT"));
}
