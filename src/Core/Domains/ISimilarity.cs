namespace LatentWorkbench.Core.Domains;

/// <summary>Similarity of two valid items in [0, 1].</summary>
public interface ISimilarity
{
    /// <summary>Name of the measure, e.g. "Tanimoto (ECFP4)".</summary>
    string Name { get; }

    /// <summary>Similarity of two items' texts; 1 means identical.</summary>
    double Compute(string a, string b);
}
