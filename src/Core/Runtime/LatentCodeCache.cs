using LatentWorkbench.Core.Latent;

namespace LatentWorkbench.Core.Runtime;

/// <summary>
/// The latent codes of the items a model worker encoded last, by canonical text, evicting the least recently used past
/// <see cref="Capacity"/>. A worker's model is frozen, so an item's code never changes while the worker lives; a new
/// model gets a new worker and an empty cache. Codes go out as copies, so a caller that changes one changes nothing
/// here. Not thread-safe: only the worker's thread uses it.
/// </summary>
public sealed class LatentCodeCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Text, LatentCode Code)>> _nodes = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Text, LatentCode Code)> _recent = new();

    /// <summary>Most codes kept (0: none).</summary>
    public int Capacity { get; } = capacity >= 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>Codes kept now.</summary>
    public int Count => _nodes.Count;

    /// <summary>A copy of the code of <paramref name="canonical"/> when it is kept (it becomes the most recent).</summary>
    public bool TryGet(string canonical, out LatentCode code)
    {
        if (!_nodes.TryGetValue(canonical, out var node))
        {
            code = null!;
            return false;
        }
        _recent.Remove(node);
        _recent.AddFirst(node);
        code = node.Value.Code.DeepCopy();
        return true;
    }

    /// <summary>Keeps a copy of <paramref name="code"/> as the code of <paramref name="canonical"/>.</summary>
    public void Add(string canonical, LatentCode code)
    {
        if (Capacity == 0) return;
        if (_nodes.Remove(canonical, out var old)) _recent.Remove(old);
        _nodes[canonical] = _recent.AddFirst((canonical, code.DeepCopy()));
        while (_nodes.Count > Capacity)
        {
            _nodes.Remove(_recent.Last!.Value.Text);
            _recent.RemoveLast();
        }
    }
}
