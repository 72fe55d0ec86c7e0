using System.Text;

namespace LatentWorkbench.Core.Checkpoints;

/// <summary>FNV-1a 64-bit hash of UTF-8 text: stable across processes and platforms (unlike string.GetHashCode).</summary>
public static class StableHash
{
    /// <summary>Hash of <paramref name="text"/>.</summary>
    public static ulong Of(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
