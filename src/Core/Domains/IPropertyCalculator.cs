namespace LatentWorkbench.Core.Domains;

/// <summary>Named scalar properties of items (logP, QED, note density, ...).</summary>
public interface IPropertyCalculator
{
    /// <summary>The properties this calculator computes, in display order.</summary>
    IReadOnlyList<PropertyDefinition> Definitions { get; }

    /// <summary>Values for a valid item's text, keyed by <see cref="PropertyDefinition.Key"/>; empty when not computable.</summary>
    IReadOnlyDictionary<string, double> Compute(string text);
}

/// <summary>Which direction of a property is better, if any.</summary>
public enum Better
{
    /// <summary>Neither direction is preferred.</summary>
    Neither,
    /// <summary>Higher values are better.</summary>
    Higher,
    /// <summary>Lower values are better.</summary>
    Lower,
}

/// <summary>A scalar property: key, display name, unit, preferred direction and a short explanation.</summary>
public sealed record PropertyDefinition(string Key, string Name, string Unit, Better Better, string Description);

/// <summary>A direction users can push items along (attribute vector), usually backed by a property.</summary>
public sealed record AttributeDefinition(string Key, string Name, string Description);
