using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Models;
using LatentWorkbench.Domains.Molecules.Smiles;

namespace LatentWorkbench.Domains.Molecules.Tests.Smiles;

public sealed class SmilesConstraintTests
{
    private static readonly MoleculesModule Module = new();

    /// <summary>Replays a SMILES through the constraint; the index of the first refused token, or -1.</summary>
    internal static int FirstRefusal(string smiles, Vocabulary vocabulary, IDecodingConstraint constraint)
    {
        var tokens = Module.Tokenizer.Tokenize(smiles).Tokens;
        var state = constraint.Start();
        var allowed = new bool[vocabulary.Count];
        for (int i = 0; i <= tokens.Count; i++)
        {
            state.FillAllowed(allowed, 200 - i);
            var id = i == tokens.Count ? vocabulary.Specials.Eos : vocabulary.IdOf(tokens[i]);
            if (!allowed[id]) return i;
            if (i < tokens.Count) state.Push(id);
        }
        return -1;
    }

    private static (Vocabulary, IDecodingConstraint) For(IEnumerable<string> smiles)
    {
        var vocabulary = Vocabulary.Build(smiles.Select(s => Module.Tokenizer.Tokenize(s).Tokens));
        return (vocabulary, Module.DecodingConstraint!.Create(vocabulary.Tokens, vocabulary.Specials));
    }

    [Fact]
    public void Constraint_AcceptsEverySample()
    {
        var smiles = Module.Samples.Select(s => Module.Validator.Validate(s.Text).Canonical!).ToArray();
        var (vocabulary, constraint) = For(smiles);
        Assert.All(smiles, s => Assert.Equal(-1, FirstRefusal(s, vocabulary, constraint)));
    }

    [Theory]
    [InlineData("C(C")]      // unclosed branch: end refused
    [InlineData("C1CC")]     // unclosed ring: end refused
    [InlineData("FF(C)")]    // fluorine has one bond
    [InlineData("C=C=C=C#C")] // the second carbon would need 5 bonds... the last bond overflows
    [InlineData("C11")]      // ring closed on its own atom
    [InlineData("C()")]      // empty branch
    [InlineData("O=O=O")]    // oxygen valence
    [InlineData("CC(=1)CC1")] // a branch must begin with an atom, not a ring digit (RDKit's grammar)
    public void Constraint_RefusesBrokenSmiles(string smiles)
    {
        var (vocabulary, constraint) = For(["C(C)C1CC1", "FC", "C=C#C", "O=O", smiles]);
        Assert.NotEqual(-1, FirstRefusal(smiles, vocabulary, constraint));
    }

    [Theory]
    [InlineData("C1CC=O", 5)]          // =O would saturate the only reachable atom while ring 1 is open
    [InlineData("C1CC(C)(C)C(F)F", 14)] // the last F leaves no free valence anywhere to close ring 1
    public void Constraint_RefusesDeadEndsThatLeaveRingsUnclosable(string smiles, int refusedAt)
    {
        var (vocabulary, constraint) = For(["C1CC1", "O=C1CC1", "FC(F)F", "CC(C)(C)C", smiles]);
        Assert.Equal(refusedAt, FirstRefusal(smiles, vocabulary, constraint));
        Assert.Equal(-1, FirstRefusal("O=C1CC1", vocabulary, constraint));
    }

    [SkippableFact]
    public void Constraint_AcceptsZincMolecules()
    {
        var file = LatentWorkbench.Tests.Checkout.Shared("data", "molecules", "zinc250k_valid.csv");
        Skip.If(file is null, "../shared/data/molecules is not beside this checkout");
        var smiles = Module.Datasets.Read(file!, new DatasetOptions(Limit: 3000)).Select(r => r.Text).ToArray();
        var (vocabulary, constraint) = For(smiles);
        var refused = smiles.Where(s => FirstRefusal(s, vocabulary, constraint) >= 0).ToArray();
        Assert.True(refused.Length <= smiles.Length / 1000, $"{refused.Length} refused, e.g. {string.Join(" ", refused.Take(5))}");
    }

    [Fact]
    public void Tokenizer_RoundTripsAndNamesBadCharacters()
    {
        const string smiles = "C[C@@H](N)c1ccc(Cl)cc1Br.[Na+]%12";
        var tokens = Module.Tokenizer.Tokenize(smiles);
        Assert.True(tokens.Ok);
        Assert.Contains("[C@@H]", tokens.Tokens);
        Assert.Contains("%12", tokens.Tokens);
        Assert.Equal(smiles, Module.Tokenizer.Detokenize(tokens.Tokens));
        var bad = Module.Tokenizer.Tokenize("CC?C");
        Assert.False(bad.Ok);
        Assert.Equal(2, bad.ErrorPosition);
        Assert.Equal(1, Module.Tokenizer.Tokenize("C[NH3+").ErrorPosition);
    }
}
