namespace LatentWorkbench.Core.Domains;

/// <summary>
/// Everything a domain (molecules, music, peptides, ...) brings to the workbench. A module is registered through
/// dependency injection; the host and the latent engine never special-case a domain. Items are exchanged as text
/// (SMILES, an event string, an amino-acid sequence): the domain converts files and pictures to and from it.
/// Optional capabilities (files, audio, structure search, decoding constraint, evaluator) are nullable properties that
/// default to <c>null</c>: a module offers one by returning it, and hosts offer the matching feature only where it is not
/// null. Implement such a property with exactly the type declared here, or the default (null) is used instead.
/// </summary>
public interface IDomainModule
{
    /// <summary>Stable identifier used in URLs, the CLI (<c>--domain</c>) and checkpoints, e.g. <c>molecules</c>.</summary>
    string Id { get; }

    /// <summary>Name shown to users, e.g. "Molecules".</summary>
    string DisplayName { get; }

    /// <summary>One sentence on what an item of this domain is.</summary>
    string Description { get; }

    /// <summary>Name of the item field in JSON output and APIs, e.g. <c>smiles</c>, <c>sequence</c>.</summary>
    string ItemField { get; }

    /// <summary>What one item is called in sentences shown to users, e.g. "molecule", "clip"; "item" by default.</summary>
    string ItemNoun => "item";

    /// <summary>Splits item text into tokens and joins tokens back into text.</summary>
    ITokenizer Tokenizer { get; }

    /// <summary>Parses and validates user input, with position-aware errors.</summary>
    IItemValidator Validator { get; }

    /// <summary>Named scalar properties of an item (and how to compute them).</summary>
    IPropertyCalculator Properties { get; }

    /// <summary>Similarity between two items in [0, 1] (1 = identical).</summary>
    ISimilarity Similarity { get; }

    /// <summary>Reads training and evaluation data.</summary>
    IDatasetReader Datasets { get; }

    /// <summary>
    /// Property keys usable as navigation directions (attribute vectors). Usually a subset of
    /// <see cref="IPropertyCalculator.Definitions"/>, possibly with tags such as a style.
    /// </summary>
    IReadOnlyList<AttributeDefinition> Attributes { get; }

    /// <summary>Model sizes and training settings that suit this domain.</summary>
    DomainDefaults Defaults { get; }

    /// <summary>Example items a fresh installation can use (written by the module's authors).</summary>
    IReadOnlyList<SampleItem> Samples { get; }

    /// <summary>Razor component types that show and edit items; the host renders them without knowing the domain.</summary>
    DomainViews Views { get; }

    /// <summary>Optional: how items are read from and written to files (uploads, downloads, the CLI's <c>--from</c>/<c>--out</c>), or null when items are only text.</summary>
    IItemFiles? Files => null;

    /// <summary>Optional: renders items as sound (an audio player beside each item), or null.</summary>
    IItemAudio? Audio => null;

    /// <summary>Optional: finds items containing a pattern (e.g. SMARTS) in the library, or null.</summary>
    IStructureSearch? StructureSearch => null;

    /// <summary>Optional: restricts which tokens may follow a prefix while decoding, or null for no constraint.</summary>
    IDecodingConstraintFactory? DecodingConstraint => null;

    /// <summary>Optional: domain-specific evaluation metrics (e.g. MOSES metrics for molecules), or null for the generic ones only.</summary>
    IDomainEvaluator? Evaluator => null;
}
