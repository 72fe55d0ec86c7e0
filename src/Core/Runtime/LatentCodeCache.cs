using LatentWorkbench.Core.Latent;

namespace LatentWorkbench.Core.Runtime;

/// <summary>
/// The latent codes of the items a model worker encoded last, by canonical text, evicting the least recently used past
/// <see cref="Capacity"/>. A worker's model is frozen, so an item's code never changes while the worker lives; a new
/// model gets a new worker and an empty cache. Codes go out as copies, so a caller that changes one changes nothing
/// here. Thread-safe: a worker's replicas share one cache.
/// </summary>
public sealed class LatentCodeCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Text, LatentCode Code)>> _nodes = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Text, LatentCode Code)> _recent = new();
    private readonly Lock _gate = new();

    /// <summary>Most codes kept (0: none).</summary>
    public int Capacity { get; } = capacity >= 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>Codes kept now.</summary>
    public int Count
    {
        get { lock (_gate) return _nodes.Count; }
    }

    /// <summary>A copy of the code of <paramref name="canonical"/> when it is kept (it becomes the most recent).</summary>
    public bool TryGet(string canonical, out LatentCode code)
    {
        LatentCode kept;
        lock (_gate)
        {
            if (!_nodes.TryGetValue(canonical, out var node))
            {
                code = null!;
                return false;
            }
            _recent.Remove(node);
            _recent.AddFirst(node);
            kept = node.Value.Code;
        }
        code = kept.DeepCopy(); // the kept code itself is never changed, so it is copied outside the lock
        return true;
    }

    /// <summary>Keeps a copy of <paramref name="code"/> as the code of <paramref name="canonical"/>.</summary>
    public void Add(string canonical, LatentCode code)
    {
        if (Capacity == 0) return;
        var copy = code.DeepCopy();
        lock (_gate)
        {
            if (_nodes.Remove(canonical, out var old)) _recent.Remove(old);
            _nodes[canonical] = _recent.AddFirst((canonical, copy));
            while (_nodes.Count > Capacity)
            {
                _nodes.Remove(_recent.Last!.Value.Text);
                _recent.RemoveLast();
            }
        }
    }
}
