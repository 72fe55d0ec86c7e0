using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Core.Models;

/// <summary>
/// Token strings and their ids. Ids 0..3 are the special tokens (pad, begin, end, unknown); the rest are built
/// from training data in order of first appearance after sorting by frequency, and saved with the model.
/// </summary>
public sealed class Vocabulary
{
    /// <summary>Padding token (never predicted).</summary>
    public const string Pad = "<pad>";
    /// <summary>Start-of-sequence token fed to the decoder first.</summary>
    public const string Bos = "<bos>";
    /// <summary>End-of-sequence token.</summary>
    public const string Eos = "<eos>";
    /// <summary>Unknown token (also used for word dropout).</summary>
    public const string Unknown = "<unk>";

    private readonly Dictionary<string, int> _ids;

    /// <summary>Creates a vocabulary from its full token list (specials first, as saved in a checkpoint).</summary>
    public Vocabulary(IReadOnlyList<string> tokens)
    {
        if (tokens.Count < 4 || tokens[0] != Pad || tokens[1] != Bos || tokens[2] != Eos || tokens[3] != Unknown)
            throw new InvalidDataException("A vocabulary must start with <pad>, <bos>, <eos>, <unk>.");
        Tokens = tokens.ToArray();
        _ids = new Dictionary<string, int>(Tokens.Count, StringComparer.Ordinal);
        for (int i = 0; i < Tokens.Count; i++)
            if (!_ids.TryAdd(Tokens[i], i)) throw new InvalidDataException($"Token '{Tokens[i]}' appears twice in the vocabulary.");
    }

    /// <summary>All tokens; index = id.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>Number of tokens, specials included.</summary>
    public int Count => Tokens.Count;

    /// <summary>Ids of the special tokens.</summary>
    public SpecialTokenIds Specials { get; } = new(0, 1, 2, 3);

    /// <summary>Builds a vocabulary from tokenized items: most frequent tokens first, ties by ordinal order.</summary>
    public static Vocabulary Build(IEnumerable<IReadOnlyList<string>> tokenizedItems)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var item in tokenizedItems)
            foreach (var token in item)
                counts[token] = counts.GetValueOrDefault(token) + 1;
        var ordered = counts.Where(kv => kv.Key is not (Pad or Bos or Eos or Unknown))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key);
        return new Vocabulary([Pad, Bos, Eos, Unknown, .. ordered]);
    }

    /// <summary>Id of <paramref name="token"/>, or -1 when it is not in the vocabulary.</summary>
    public int IdOf(string token) => _ids.TryGetValue(token, out var id) ? id : -1;

    /// <summary>Whether <paramref name="token"/> is in the vocabulary.</summary>
    public bool Contains(string token) => _ids.ContainsKey(token);
}
