using System.Text.Json;
using System.Text.Json.Serialization;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Cli;

/// <summary>JSON written by the CLI: snake_case names, NaN and infinities as null.</summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
        Converters = { new FiniteDoubleConverter(), new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Serializes <paramref name="value"/>.</summary>
    public static string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);
}
