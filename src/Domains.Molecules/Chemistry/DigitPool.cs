namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Ring-closure numbers 1..99 handed out lowest first, as the SMILES writer reuses them.</summary>
internal sealed class DigitPool
{
    private readonly bool[] _used = new bool[100];

    public int Take()
    {
        for (int d = 1; d < 100; d++)
        {
            if (_used[d]) continue;
            _used[d] = true;
            return d;
        }
        throw new SmilesException("more than 99 ring closures open at once", -1);
    }

    public void Release(int d) => _used[d] = false;
}
