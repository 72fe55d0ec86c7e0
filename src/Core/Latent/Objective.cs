using System.Globalization;

namespace LatentWorkbench.Core.Latent;

/// <summary>What a navigation term asks of a property.</summary>
public enum ObjectiveKind
{
    /// <summary>As high as possible.</summary>
    Maximize,
    /// <summary>As low as possible.</summary>
    Minimize,
    /// <summary>As close to <see cref="ObjectiveTerm.Target"/> as possible.</summary>
    Target,
}

/// <summary>One weighted term of a navigation objective.</summary>
public sealed record ObjectiveTerm(string Property, ObjectiveKind Kind, double Target = 0, double Weight = 1)
{
    /// <summary>Score of a property value under this term (higher is better), before weighting.</summary>
    public double Score(double value) => Kind switch
    {
        ObjectiveKind.Maximize => value,
        ObjectiveKind.Minimize => -value,
        _ => -Math.Abs(value - Target),
    };
}

/// <summary>Parses objectives such as <c>qed:max</c>, <c>logp:min</c>, <c>logp:2.5</c> and <c>qed:max,logp:2.5@0.5</c>.</summary>
public static class ObjectiveParser
{
    /// <summary>The terms of <paramref name="text"/>; throws <see cref="FormatException"/> with the offending part.</summary>
    public static IReadOnlyList<ObjectiveTerm> Parse(string text)
    {
        var terms = new List<ObjectiveTerm>();
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var weight = 1.0;
            var body = raw;
            var at = raw.LastIndexOf('@');
            if (at >= 0)
            {
                if (!double.TryParse(raw[(at + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || weight <= 0)
                    throw new FormatException($"'{raw}': the weight after '@' must be a positive number.");
                body = raw[..at];
            }
            var colon = body.IndexOf(':');
            if (colon <= 0) throw new FormatException($"'{raw}': expected PROPERTY:max, PROPERTY:min or PROPERTY:TARGET.");
            var property = body[..colon].Trim();
            var goal = body[(colon + 1)..].Trim().ToLowerInvariant();
            terms.Add(goal switch
            {
                "max" => new ObjectiveTerm(property, ObjectiveKind.Maximize, 0, weight),
                "min" => new ObjectiveTerm(property, ObjectiveKind.Minimize, 0, weight),
                _ when double.TryParse(goal, NumberStyles.Float, CultureInfo.InvariantCulture, out var target)
                    => new ObjectiveTerm(property, ObjectiveKind.Target, target, weight),
                _ => throw new FormatException($"'{raw}': '{goal}' is not max, min or a number."),
            });
        }
        if (terms.Count == 0) throw new FormatException("The objective is empty.");
        return terms;
    }
}
