using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Models;

namespace LatentWorkbench.Core.Workbench;

/// <summary>Item text &lt;-&gt; token ids for one model: the domain's tokenizer plus the model's vocabulary.</summary>
public sealed class ItemCodec(ITokenizer tokenizer, Vocabulary vocabulary, int maxLength)
{
    /// <summary>Token ids of <paramref name="text"/> (no specials); throws <see cref="ItemInputException"/> naming the problem.</summary>
    public int[] ToIds(string text)
    {
        var result = tokenizer.Tokenize(text);
        if (!result.Ok) throw new ItemInputException(result.Error!, result.ErrorPosition);
        if (result.Tokens.Count == 0) throw new ItemInputException("The item is empty.");
        if (result.Tokens.Count + 1 > maxLength)
            throw new ItemInputException($"The item has {result.Tokens.Count} tokens; this model reads at most {maxLength - 1}.");
        var ids = new int[result.Tokens.Count];
        var position = 0;
        for (int i = 0; i < ids.Length; i++)
        {
            var token = result.Tokens[i];
            ids[i] = vocabulary.IdOf(token);
            if (ids[i] < 4) throw new ItemInputException($"Token '{token}' at position {position} is not in this model's vocabulary.", position);
            position += token.Length;
        }
        return ids;
    }

    /// <summary>Whether <paramref name="text"/> can be encoded, with the error message when not.</summary>
    public bool TryToIds(string text, out int[] ids, out string? error)
    {
        try
        {
            ids = ToIds(text);
            error = null;
            return true;
        }
        catch (ItemInputException e)
        {
            ids = [];
            error = e.Message;
            return false;
        }
    }

    /// <summary>Text of token ids (specials skipped).</summary>
    public string ToText(IEnumerable<int> ids) =>
        tokenizer.Detokenize(ids.Where(i => i >= 4 && i < vocabulary.Count).Select(i => vocabulary.Tokens[i]).ToArray());
}
