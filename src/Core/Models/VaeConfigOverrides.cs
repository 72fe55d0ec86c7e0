using System.Text.Json;
using System.Text.Json.Nodes;
using LatentWorkbench.Core.Checkpoints;

namespace LatentWorkbench.Core.Models;

/// <summary>
/// Reads network sizes a user gives as JSON (the <c>model</c> object of a checkpoint's <c>config.json</c>, snake_case,
/// e.g. <c>{"latent_size": 256, "event_end_tokens": ["V1", "V2"]}</c>) over a domain's defaults: fields the JSON
/// leaves out keep the default's values.
/// </summary>
public static class VaeConfigOverrides
{
    /// <summary>
    /// <paramref name="defaults"/> with the fields of <paramref name="json"/> replaced. Throws <see cref="FormatException"/>
    /// naming an unknown field (and the known ones), a value of the wrong type, or JSON that is not an object.
    /// </summary>
    public static VaeConfig Apply(VaeConfig defaults, string json)
    {
        JsonObject overrides;
        try
        {
            overrides = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("The model settings must be a JSON object, e.g. {\"latent_size\": 256}.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"The model settings are not valid JSON: {e.Message}", e);
        }
        var merged = JsonSerializer.SerializeToNode(defaults, CheckpointStore.Json)!.AsObject();
        foreach (var (key, value) in overrides)
        {
            if (!merged.ContainsKey(key))
                throw new FormatException($"Unknown model setting '{key}'; the settings are: {string.Join(", ", merged.Select(p => p.Key))}.");
            merged[key] = value?.DeepClone();
        }
        try
        {
            return merged.Deserialize<VaeConfig>(CheckpointStore.Json) ?? defaults;
        }
        catch (JsonException e)
        {
            throw new FormatException($"A model setting has the wrong type: {e.Message}", e);
        }
    }
}
