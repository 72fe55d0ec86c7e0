using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Domains.Molecules;

/// <summary>Well-known drugs and small molecules (structures are public facts, written here by hand).</summary>
public static class MoleculeSamples
{
    /// <summary>The samples.</summary>
    public static IReadOnlyList<SampleItem> All { get; } =
    [
        new("Aspirin", "CC(=O)Oc1ccccc1C(=O)O", ["drug", "analgesic"]),
        new("Paracetamol", "CC(=O)Nc1ccc(O)cc1", ["drug", "analgesic"]),
        new("Ibuprofen", "CC(C)Cc1ccc(C(C)C(=O)O)cc1", ["drug", "analgesic"]),
        new("Caffeine", "Cn1cnc2c1c(=O)n(C)c(=O)n2C", ["stimulant"]),
        new("Nicotine", "CN1CCCC1c1cccnc1", ["stimulant"]),
        new("Benzocaine", "CCOC(=O)c1ccc(N)cc1", ["drug", "anaesthetic"]),
        new("Lidocaine", "CCN(CC)CC(=O)Nc1c(C)cccc1C", ["drug", "anaesthetic"]),
        new("Diphenhydramine", "CN(C)CCOC(c1ccccc1)c1ccccc1", ["drug", "antihistamine"]),
        new("Fluoxetine", "CNCCC(Oc1ccc(C(F)(F)F)cc1)c1ccccc1", ["drug", "antidepressant"]),
        new("Diazepam", "CN1C(=O)CN=C(c2ccccc2)c2cc(Cl)ccc21", ["drug", "anxiolytic"]),
        new("Metformin", "CN(C)C(=N)NC(=N)N", ["drug", "antidiabetic"]),
        new("Salbutamol", "CC(C)(C)NCC(O)c1ccc(O)c(CO)c1", ["drug", "bronchodilator"]),
        new("Propranolol", "CC(C)NCC(O)COc1cccc2ccccc12", ["drug", "beta blocker"]),
        new("Sulfamethoxazole", "Cc1cc(NS(=O)(=O)c2ccc(N)cc2)no1", ["drug", "antibiotic"]),
        new("Vanillin", "COc1cc(C=O)ccc1O", ["flavour"]),
        new("Indole", "c1ccc2[nH]ccc2c1", ["scaffold"]),
    ];
}
