using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Domains.Molecules.Tests.Chemistry;

public class FingerprintTests
{
    [Fact]
    public void Ecfp4_MatchesRdkitBits_ForBenzene()
    {
        // RDKit 2022.09: GetMorganFingerprintAsBitVect(MolFromSmiles('c1ccccc1'), 2, nBits=2048).GetOnBits()
        var bits = MorganFingerprint.Ecfp4(Molecule.Parse("c1ccccc1")).OnBits();
        Assert.Equal([389, 1088, 1873], bits);
    }

    [Fact]
    public void Ecfp4_MatchesRdkitBits_WhenFoldedTo1024()
    {
        // RDKit 2022.09: GetMorganFingerprintAsBitVect(aspirin, 2, nBits=1024).GetOnBits()
        var fp = MorganFingerprint.Ecfp4(Molecule.Parse("CC(=O)Oc1ccccc1C(=O)O"), 1024);
        Assert.Equal(1024, fp.Length);
        Assert.Equal([11, 23, 33, 64, 175, 356, 386, 389, 423, 444, 456, 592, 650, 695, 705, 726, 751, 807, 849, 893, 909, 946, 967, 1017], fp.OnBits());
    }

    [Fact]
    public void Tanimoto_IsOneForSameMolecule_AndLowerForDifferent()
    {
        var a = MorganFingerprint.Ecfp4(Molecule.Parse("CCOc1ccccc1"));
        var b = MorganFingerprint.Ecfp4(Molecule.Parse("c1ccccc1OCC"));
        var c = MorganFingerprint.Ecfp4(Molecule.Parse("CCN1CCCCC1"));
        Assert.Equal(1.0, Fingerprint.Tanimoto(a, b));
        Assert.InRange(Fingerprint.Tanimoto(a, c), 0.0, 0.5);
    }

    [Fact]
    public void Tanimoto_Throws_WhenLengthsDiffer()
    {
        var m = Molecule.Parse("CCO");
        Assert.Throws<ArgumentException>(() => Fingerprint.Tanimoto(MorganFingerprint.Ecfp4(m), MorganFingerprint.Ecfp4(m, 1024)));
    }
}
