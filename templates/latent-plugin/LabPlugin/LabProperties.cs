using LatentWorkbench.Core.Domains;

namespace LabPlugin;

/// <summary>Length, GC content and the Wallace-rule melting temperature (2 °C per A/T, 4 °C per G/C; short oligos).</summary>
public sealed class LabProperties : IPropertyCalculator
{
    /// <inheritdoc/>
    public IReadOnlyList<PropertyDefinition> Definitions { get; } =
    [
        new("length", "Length", "nt", Better.Neither, "Number of nucleotides"),
        new("gc_content", "GC content", "", Better.Neither, "Fraction of G and C"),
        new("melting_temperature", "Melting temperature", "°C", Better.Neither, "Wallace rule: 2(A+T) + 4(G+C)"),
    ];

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> Compute(string text)
    {
        if (text.Length == 0) return new Dictionary<string, double>();
        var gc = text.Count(c => c is 'G' or 'C');
        return new Dictionary<string, double>
        {
            ["length"] = text.Length,
            ["gc_content"] = (double)gc / text.Length,
            ["melting_temperature"] = 2 * (text.Length - gc) + 4 * gc,
        };
    }
}
