using System.Text.Json;
using System.Text.Json.Serialization;

namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>What <c>latent midi inspect</c> prints about a file.</summary>
/// <param name="Format">SMF format 0, 1 or 2.</param>
/// <param name="Tracks">Track count from the header.</param>
/// <param name="Ppq">Ticks per quarter note (ticks per second for SMPTE files).</param>
/// <param name="Notes">Note ons with velocity above 0, all tracks.</param>
/// <param name="TempoEvents">Set-tempo meta events, all tracks.</param>
/// <param name="EndTick">Last tick of any track (end-of-track events included).</param>
/// <param name="DurationSeconds">Seconds up to <see cref="EndTick"/> through the tempo map.</param>
/// <param name="Warnings">Recoverable problems met while reading.</param>
public sealed record MidiSummary(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("tracks")] int Tracks,
    [property: JsonPropertyName("ppq")] int Ppq,
    [property: JsonPropertyName("notes")] int Notes,
    [property: JsonPropertyName("tempo_events")] int TempoEvents,
    [property: JsonPropertyName("end_tick")] long EndTick,
    [property: JsonPropertyName("duration_seconds")] double DurationSeconds,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings)
{
    /// <summary>The summary as one JSON object with snake_case keys.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>The summary as <c>key: value</c> lines (warnings one per line).</summary>
    public string ToText()
    {
        var lines = new List<string>
        {
            $"format: {Format}", $"tracks: {Tracks}", $"ppq: {Ppq}", $"notes: {Notes}", $"tempo_events: {TempoEvents}",
            $"end_tick: {EndTick}", FormattableString.Invariant($"duration_seconds: {DurationSeconds:0.###}"),
            $"warnings: {Warnings.Count}",
        };
        lines.AddRange(Warnings.Select(w => "  " + w));
        return string.Join('\n', lines);
    }
}
