using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Core.Tests.Toy;

public sealed class ToyTokenizer : ITokenizer
{
    public TokenizeResult Tokenize(string text)
    {
        for (int i = 0; i < text.Length; i++)
            if (!ToyDomain.Letters.Contains(text[i])) return TokenizeResult.Fail($"'{text[i]}' is not one of ABCDEH", i);
        return new TokenizeResult(text.Select(c => c.ToString()).ToArray());
    }

    public string Detokenize(IReadOnlyList<string> tokens) => string.Concat(tokens);
}

public sealed class ToyValidator : IItemValidator
{
    public ValidationResult Validate(string text)
    {
        var t = text.Trim();
        if (t.Length is < 1 or > 9) return ValidationResult.Invalid("length must be 1 to 9");
        for (int i = 0; i < t.Length; i++)
        {
            if (!ToyDomain.Letters.Contains(t[i])) return ValidationResult.Invalid($"'{t[i]}' is not one of ABCDEH", i);
            if (i > 0 && t[i] == 'H' && t[i - 1] == 'H') return ValidationResult.Invalid("HH is not allowed", i);
        }
        return ValidationResult.Valid(t);
    }
}

public sealed class ToyProperties : IPropertyCalculator
{
    public IReadOnlyList<PropertyDefinition> Definitions { get; } =
    [
        new("a_share", "Share of A", "", Better.Higher, "Fraction of letters that are A"),
        new("length", "Length", "letters", Better.Neither, "Number of letters"),
    ];

    public IReadOnlyDictionary<string, double> Compute(string text) =>
        new Dictionary<string, double> { ["a_share"] = ToyDomain.AShare(text), ["length"] = text.Length };
}

public sealed class ToySimilarity : ISimilarity
{
    public string Name => "1 - normalised edit distance";

    public double Compute(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return 1 - (double)d[a.Length, b.Length] / Math.Max(1, Math.Max(a.Length, b.Length));
    }
}

/// <summary>Reads a text file with one item per line; the a_share target comes from the item itself.</summary>
public sealed class ToyDatasets : IDatasetReader
{
    public IEnumerable<TrainingRecord> Read(string path, DatasetOptions options) =>
        File.ReadLines(path).Where(l => l.Length > 0).Take(options.Limit > 0 ? options.Limit : int.MaxValue)
            .Select(l => new TrainingRecord(l, new Dictionary<string, double> { ["a_share"] = ToyDomain.AShare(l) }, []));
}

/// <summary>No H after H; the end token only after at least one letter.</summary>
public sealed class ToyConstraintFactory : IDecodingConstraintFactory
{
    public IDecodingConstraint Create(IReadOnlyList<string> tokens, SpecialTokenIds specials) => new Constraint(tokens, specials);

    private sealed class Constraint(IReadOnlyList<string> tokens, SpecialTokenIds specials) : IDecodingConstraint
    {
        public IConstraintState Start() => new State(tokens, specials, 0, false);
    }

    private sealed class State(IReadOnlyList<string> tokens, SpecialTokenIds specials, int length, bool lastH) : IConstraintState
    {
        private int _length = length;
        private bool _lastH = lastH;

        public void FillAllowed(Span<bool> allowed, int remainingSteps)
        {
            for (int i = 0; i < allowed.Length; i++) allowed[i] = i >= 4 && !(_lastH && tokens[i] == "H") && remainingSteps > 1;
            allowed[specials.Eos] = _length > 0;
        }

        public void Push(int id)
        {
            _length++;
            _lastH = tokens[id] == "H";
        }

        public IConstraintState Clone() => new State(tokens, specials, _length, _lastH);
    }
}
