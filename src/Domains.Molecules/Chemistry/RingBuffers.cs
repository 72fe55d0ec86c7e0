namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Scratch arrays for breadth-first searches during ring perception, reused across searches via a stamp.</summary>
internal sealed class RingBuffers(int atomCount)
{
    public readonly int[] Mark = new int[atomCount];
    public readonly int[] PrevBond = new int[atomCount];
    public readonly Queue<int> Queue = new();
    public int Stamp;
}
