using System.Text.Json;
using System.Text.Json.Serialization;

namespace LatentWorkbench.Core.Workbench;

/// <summary>Writes doubles rounded to 6 decimals and NaN or infinities as null (JSON has no NaN); reads null as NaN.</summary>
public sealed class FiniteDoubleConverter : JsonConverter<double>
{
    /// <inheritdoc/>
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(Math.Round(value, 6));
        else writer.WriteNullValue();
    }
}
