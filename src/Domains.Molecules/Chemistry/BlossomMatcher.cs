// Maximum matching in a general graph: greedy start, then Edmonds' blossom algorithm (augmenting paths with odd-cycle contraction).
namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Maximum cardinality matching; iterative, so large graphs cannot overflow the stack.</summary>
internal sealed class BlossomMatcher(List<int>[] adj)
{
    private readonly int _n = adj.Length;
    private int[] _match = [];
    private int[] _p = [];
    private int[] _base = [];
    private bool[] _used = [];
    private bool[] _blossom = [];
    private bool[] _lcaUsed = [];

    public int[] Match()
    {
        _match = new int[_n];
        Array.Fill(_match, -1);
        Greedy();
        _p = new int[_n];
        _base = new int[_n];
        _used = new bool[_n];
        _blossom = new bool[_n];
        _lcaUsed = new bool[_n];
        for (int v = 0; v < _n; v++)
        {
            if (_match[v] >= 0 || adj[v].Count == 0) continue;
            int end = FindPath(v);
            if (end < 0) break; // v stays unmatched for good: the caller rejects the molecule anyway.
            while (end >= 0)
            {
                int pv = _p[end], ppv = _match[pv];
                _match[end] = pv;
                _match[pv] = end;
                end = ppv;
            }
        }
        return _match;
    }

    private void Greedy()
    {
        // Atoms with the fewest free neighbours first: solves chains and most fused systems outright.
        var free = new int[_n];
        var queue = new Queue<int>();
        for (int v = 0; v < _n; v++) { free[v] = adj[v].Count; if (free[v] == 1) queue.Enqueue(v); }
        for (int start = 0; ; )
        {
            while (queue.Count > 0)
            {
                int v = queue.Dequeue();
                if (_match[v] >= 0) continue;
                foreach (int w in adj[v])
                {
                    if (_match[w] >= 0) continue;
                    Pair(v, w, free, queue);
                    break;
                }
            }
            while (start < _n && (_match[start] >= 0 || free[start] == 0)) start++;
            if (start >= _n) break;
            foreach (int w in adj[start])
            {
                if (_match[w] >= 0) continue;
                Pair(start, w, free, queue);
                break;
            }
            if (_match[start] < 0) free[start] = 0;
        }
    }

    private void Pair(int v, int w, int[] free, Queue<int> queue)
    {
        _match[v] = w;
        _match[w] = v;
        foreach (int x in adj[v]) if (--free[x] == 1 && _match[x] < 0) queue.Enqueue(x);
        foreach (int x in adj[w]) if (--free[x] == 1 && _match[x] < 0) queue.Enqueue(x);
    }

    private int Lca(int a, int b)
    {
        Array.Clear(_lcaUsed);
        while (true)
        {
            a = _base[a];
            _lcaUsed[a] = true;
            if (_match[a] < 0) break;
            a = _p[_match[a]];
        }
        while (true)
        {
            b = _base[b];
            if (_lcaUsed[b]) return b;
            b = _p[_match[b]];
        }
    }

    private void MarkPath(int v, int b, int child)
    {
        while (_base[v] != b)
        {
            _blossom[_base[v]] = _blossom[_base[_match[v]]] = true;
            _p[v] = child;
            child = _match[v];
            v = _p[_match[v]];
        }
    }

    private int FindPath(int root)
    {
        Array.Fill(_used, false);
        Array.Fill(_p, -1);
        for (int i = 0; i < _n; i++) _base[i] = i;
        _used[root] = true;
        var q = new Queue<int>();
        q.Enqueue(root);
        while (q.Count > 0)
        {
            int v = q.Dequeue();
            foreach (int to in adj[v])
            {
                if (_base[v] == _base[to] || _match[v] == to) continue;
                if (to == root || (_match[to] >= 0 && _p[_match[to]] >= 0))
                {
                    int cur = Lca(v, to);
                    Array.Fill(_blossom, false);
                    MarkPath(v, cur, to);
                    MarkPath(to, cur, v);
                    for (int i = 0; i < _n; i++)
                    {
                        if (!_blossom[_base[i]]) continue;
                        _base[i] = cur;
                        if (!_used[i]) { _used[i] = true; q.Enqueue(i); }
                    }
                }
                else if (_p[to] < 0)
                {
                    _p[to] = v;
                    if (_match[to] < 0) return to;
                    _used[_match[to]] = true;
                    q.Enqueue(_match[to]);
                }
            }
        }
        return -1;
    }
}
