namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Scratch arrays for breadth-first searches during ring perception, reused across searches via a stamp.</summary>
internal sealed class RingBuffers(int atomCount, int bondCount)
{
    /// <summary>Local index of each bond within the ring system being solved, or -1.</summary>
    public readonly int[] LocalBond = CreateLocal(bondCount);

    public readonly int[] Mark = new int[atomCount];
    public readonly int[] PrevBond = new int[atomCount];
    public readonly Queue<int> Queue = new();
    public int Stamp;

    private static int[] CreateLocal(int n)
    {
        var a = new int[n];
        Array.Fill(a, -1);
        return a;
    }
}
