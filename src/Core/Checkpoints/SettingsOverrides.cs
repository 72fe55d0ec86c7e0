using System.Text.Json;
using System.Text.Json.Nodes;

namespace LatentWorkbench.Core.Checkpoints;

/// <summary>
/// Reads settings a user gives as JSON over a domain's defaults, in the snake_case names of a checkpoint's
/// <c>config.json</c>: network sizes (its <c>model</c> object, e.g. <c>{"latent_size": 256, "event_end_tokens": ["V1"]}</c>)
/// or training settings (its <c>training</c> object, e.g. <c>{"free_bits_per_dim": 0.5}</c>). Fields the JSON leaves
/// out keep the defaults' values.
/// </summary>
public static class SettingsOverrides
{
    /// <summary>
    /// <paramref name="defaults"/> with the fields of <paramref name="json"/> replaced. Throws <see cref="FormatException"/>
    /// naming an unknown field (and the known ones), a value of the wrong type, or JSON that is not an object;
    /// <paramref name="what"/> (e.g. "model") names the settings in those messages.
    /// </summary>
    public static T Apply<T>(T defaults, string json, string what) where T : class
    {
        ArgumentNullException.ThrowIfNull(defaults);
        JsonObject overrides;
        try
        {
            overrides = JsonNode.Parse(json) as JsonObject ?? throw new FormatException($"The {what} settings must be a JSON object, e.g. {{\"name\": value}}.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"The {what} settings are not valid JSON: {e.Message}", e);
        }
        var merged = JsonSerializer.SerializeToNode(defaults, CheckpointStore.Json)!.AsObject();
        foreach (var (key, value) in overrides)
        {
            if (!merged.ContainsKey(key))
                throw new FormatException($"Unknown {what} setting '{key}'; the settings are: {string.Join(", ", merged.Select(p => p.Key))}.");
            merged[key] = value?.DeepClone();
        }
        try
        {
            return merged.Deserialize<T>(CheckpointStore.Json) ?? defaults;
        }
        catch (JsonException e)
        {
            throw new FormatException($"A {what} setting has the wrong type: {e.Message}", e);
        }
    }
}
