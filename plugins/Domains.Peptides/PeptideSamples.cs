using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Domains.Peptides;

/// <summary>
/// Known peptides written as linear chains with free termini (natural C-terminal amides, disulfide bridges and
/// cyclisation are not represented): human hormones and neuropeptides, and antimicrobial peptides.
/// </summary>
public static class PeptideSamples
{
    private static SampleItem Amp(string name, string sequence) => new(name, sequence, ["antimicrobial"]);

    private static SampleItem Hormone(string name, string sequence) => new(name, sequence, ["hormone"]);

    /// <summary>All samples.</summary>
    public static IReadOnlyList<SampleItem> All { get; } =
    [
        Amp("Magainin 2", "GIGKFLHSAKKFGKAFVGEIMNS"),
        Amp("LL-37", "LLGDFFRKSKEKIGKEFKRIVQRIKDFLRNLVPRTES"),
        Amp("Melittin", "GIGAVLKVLTTGLPALISWIKRKRQQ"),
        Amp("Indolicidin", "ILPWKWPWWPWRR"),
        Amp("Cecropin A", "KWKLFKKIEKVGQNIRDGIIKAGPAVAVVGQATQIAK"),
        Amp("Pexiganan", "GIGKFLKKAKKFGKAFVKILKK"),
        Amp("Buforin II", "TRSSRAGLQFPVGRVHRLLRK"),
        Amp("Aurein 1.2", "GLFDIIKKIAESF"),
        Amp("Temporin A", "FLPLIGRVLSGIL"),
        Amp("Protegrin-1", "RGGRLCYCRRRFCVCVGR"),
        Amp("Apidaecin IA", "GNNRPVYIPQPRPPHPRI"),
        Hormone("Oxytocin", "CYIQNCPLG"),
        Hormone("Vasopressin", "CYFQNCPRG"),
        Hormone("Glucagon", "HSQGTFTSDYSKYLDSRRAQDFVQWLMNT"),
        Hormone("GLP-1 (7-37)", "HAEGTFTSDVSSYLEGQAAKEFIAWLVKGRG"),
        Hormone("Exendin-4", "HGEGTFTSDLSKQMEEEAVRLFIEWLKNGGPSSGAPPPS"),
        Hormone("Insulin A chain", "GIVEQCCTSICSLYQLENYCN"),
        Hormone("Insulin B chain", "FVNQHLCGSHLVEALYLVCGERGFFYTPKT"),
        Hormone("Secretin", "HSDGTFTSELSRLREGARLQRLLQGLV"),
        Hormone("Calcitonin", "CGNLSTCMLGTYTQDFNKFHTFPQTAIGVGAP"),
        Hormone("Angiotensin I", "DRVYIHPFHL"),
        Hormone("Angiotensin II", "DRVYIHPF"),
        new("Bradykinin", "RPPGFSPFR", ["neuropeptide"]),
        new("Substance P", "RPKPQQFFGLM", ["neuropeptide"]),
        new("Met-enkephalin", "YGGFM", ["neuropeptide"]),
        new("Leu-enkephalin", "YGGFL", ["neuropeptide"]),
        new("beta-Endorphin", "YGGFMTSEKSQTPLVTLFKNAIIKNAYKKGE", ["neuropeptide"]),
    ];
}
