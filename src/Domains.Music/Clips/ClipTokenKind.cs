namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>Kinds of clip tokens.</summary>
public enum ClipTokenKind
{
    /// <summary>Not a clip token.</summary>
    Invalid,
    /// <summary><c>M2</c>, <c>M3</c>, <c>M4</c>: quarters per bar; the first token.</summary>
    Meter,
    /// <summary><c>BAR</c>: a new bar starts.</summary>
    Bar,
    /// <summary><c>P0</c>..<c>P47</c>: onset step within the bar.</summary>
    Position,
    /// <summary><c>N21</c>..<c>N108</c>: a note's pitch.</summary>
    Pitch,
    /// <summary><c>D1</c>..<c>D192</c>: a note's duration bin in steps.</summary>
    Duration,
    /// <summary><c>V1</c>..<c>V4</c>: a note's velocity bin.</summary>
    Velocity,
}
