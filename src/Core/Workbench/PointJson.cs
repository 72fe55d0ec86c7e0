using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Core.Workbench;

/// <summary>The JSON shape of a decoded point, named in the domain's terms (e.g. <c>smiles</c>).</summary>
public static class PointJson
{
    /// <summary>A dictionary for <paramref name="p"/>: t, the item, validity, novelty, properties, similarities, OOD.</summary>
    public static Dictionary<string, object?> Of(IDomainModule domain, LatentPoint p, bool includeLatent = false)
    {
        var json = new Dictionary<string, object?>
        {
            ["t"] = p.T,
            [domain.ItemField] = p.Text,
            ["valid"] = p.Valid,
            ["novel"] = p.Novel,
            ["properties"] = p.Properties,
        };
        if (Attributes(domain, p) is { } attributes) json["attributes"] = attributes;
        foreach (var (name, value) in Similarities(p)) json[name] = value;
        if (p.DistanceFromStart is { } distance) json["distance_from_start"] = distance;
        json["ood_score"] = p.OodScore;
        json["unusual"] = p.Unusual;
        if (p.Error is not null) json["error"] = p.Error;
        if (p.StandsIn is { } standIn)
            json["stands_in_for"] = new Dictionary<string, object?> { ["item"] = standIn.Given, ["similarity"] = standIn.Similarity, ["note"] = standIn.Note };
        if (includeLatent) json["latent"] = p.Latent;
        return json;
    }

    /// <summary>The values of the domain's attributes among the point's properties; null when the domain has none or the point is invalid.</summary>
    public static IReadOnlyDictionary<string, double>? Attributes(IDomainModule domain, LatentPoint p) =>
        domain.Attributes.Count > 0 && p.Valid
            ? domain.Attributes.Where(a => p.Properties.ContainsKey(a.Key)).ToDictionary(a => a.Key, a => p.Properties[a.Key])
            : null;

    /// <summary>The point's similarities as JSON fields, one <c>similarity_to_{reference}</c> per reference item.</summary>
    public static IEnumerable<KeyValuePair<string, double>> Similarities(LatentPoint p) =>
        p.Similarities.Select(s => KeyValuePair.Create($"similarity_to_{s.Key}", s.Value));

    /// <summary>One human-readable line for <paramref name="p"/>.</summary>
    public static string Line(LatentPoint p)
    {
        var props = string.Join(" ", p.Properties.Take(6).Select(kv => $"{kv.Key}={kv.Value:0.###}"));
        var sims = string.Join(" ", p.Similarities.Select(kv => $"sim_{kv.Key}={kv.Value:0.00}"));
        var flags = (p.Valid ? "" : " [invalid]") + (p.Novel == true ? " [novel]" : "") + (p.Unusual ? " [unusual]" : "");
        var line = $"{p.T,5:0.00}  {p.Text}{flags}  {props} {sims}".TrimEnd();
        return p.StandsIn is { } s
            ? $"{line}\n       note: {s.Note}: {s.Given} (similarity {s.Similarity:0.00}, OOD score {p.OodScore:0.00})"
            : line;
    }
}
