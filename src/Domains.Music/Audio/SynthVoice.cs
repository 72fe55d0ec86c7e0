namespace LatentWorkbench.Domains.Music.Audio;

/// <summary>
/// Timbre of one built-in voice: additive partials with their own decays, an attack ramp and a release ramp.
/// Piano: bright partials that fade faster than the fundamental; bass: a plucked, darker tone.
/// </summary>
/// <param name="Partials">Relative amplitude of partials 1, 2, 3, ...</param>
/// <param name="DecaySeconds">Time for the fundamental to fall by 1/e while held (pitch scaling applied on top).</param>
/// <param name="AttackSeconds">Linear fade-in, long enough to avoid a click.</param>
/// <param name="ReleaseSeconds">Linear fade-out after the note ends, long enough to avoid a click.</param>
internal sealed record SynthVoice(float[] Partials, double DecaySeconds, double AttackSeconds, double ReleaseSeconds)
{
    public static SynthVoice Piano { get; } = new([1f, 0.45f, 0.25f, 0.14f, 0.08f, 0.05f], 1.6, 0.004, 0.12);

    public static SynthVoice Bass { get; } = new([1f, 0.5f, 0.18f, 0.06f], 1.2, 0.006, 0.08);

    /// <summary>The voice for a General MIDI program: bass programs 32..39 get the bass, everything else the piano.</summary>
    public static SynthVoice ForProgram(int program) => program is >= 32 and <= 39 ? Bass : Piano;
}
