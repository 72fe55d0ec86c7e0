using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Audio;

/// <summary>
/// A small additive synthesizer (no native dependencies): piano-like voices whose brightness and loudness follow
/// velocity and whose upper partials fade faster, a plucked bass for bass programs, linear attack and release
/// ramps so that notes never click, and a peak limiter on the mix. The mono mix is written to both stereo channels. Oscillators are rotating phasors (no sine call
/// per sample), so rendering runs hundreds of times faster than real time on one core.
/// </summary>
public sealed class BuiltInSynth : IAudioRenderer
{
    /// <summary>Longest audio rendered (seconds); later notes are left out so memory stays bounded.</summary>
    public const double MaxSeconds = 600;

    private const int Rate = WavWriter.SampleRate;
    private const double Quiet = 1.5e-5;

    /// <inheritdoc />
    public string Name => "built-in synthesizer";

    /// <inheritdoc />
    public float[] Render(MidiScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var map = score.TempoMap;
        var notes = score.Parts
            .Where(p => p.Channel != 9)
            .SelectMany(p => p.Notes.Select(n => (Note: n, Voice: SynthVoice.ForProgram(p.Program))))
            .Select(x => (x.Note, x.Voice, Start: map.Seconds(x.Note.Start), End: map.Seconds(x.Note.End)))
            .Where(x => x.Start < MaxSeconds)
            .ToList();
        double last = notes.Count == 0 ? 0 : notes.Max(x => Math.Min(x.End, MaxSeconds) + x.Voice.ReleaseSeconds);
        int frames = (int)Math.Ceiling((last + 0.05) * Rate);
        var mono = new float[frames];
        foreach (var (note, voice, start, end) in notes)
        {
            RenderNote(mono, note, voice, start, Math.Min(end, MaxSeconds));
        }
        return ToStereo(mono);
    }

    private static void RenderNote(float[] mono, MidiNote note, SynthVoice voice, double start, double end)
    {
        int first = (int)Math.Round(start * Rate);
        int held = Math.Max((int)(voice.AttackSeconds * Rate) + 1, (int)Math.Round((end - start) * Rate));
        int release = (int)(voice.ReleaseSeconds * Rate);
        int length = Math.Min(held + release, mono.Length - first);
        if (length <= 0)
        {
            return;
        }
        double frequency = 440 * Math.Pow(2, (note.Pitch - 69) / 12.0);
        double velocity = Math.Clamp(note.Velocity, 1, 127) / 127.0;
        double gain = 0.22 * Math.Pow(velocity, 1.6);
        double tau = Math.Clamp(voice.DecaySeconds * Math.Pow(2, -(note.Pitch - 60) / 24.0), 0.3, 8);
        int attack = Math.Max(1, (int)(voice.AttackSeconds * Rate));
        var envelope = new float[length];
        for (int t = 0; t < length; t++)
        {
            double a = t < attack ? (double)t / attack : 1;
            double r = t < held ? 1 : 1 - (double)(t - held) / release;
            envelope[t] = (float)(gain * a * Math.Max(0, r));
        }
        for (int k = 0; k < voice.Partials.Length; k++)
        {
            double f = frequency * (k + 1) * (1 + 0.0004 * k * k);
            if (f >= Rate * 0.45)
            {
                break;
            }
            // Velocity brightens: upper partials scale with velocity^(k/2); each decays faster than the one below.
            double amp = voice.Partials[k] * Math.Pow(velocity, 0.5 * k);
            double decay = Math.Exp(-1.0 / (tau / Math.Pow(k + 1, 0.7) * Rate));
            double step = 2 * Math.PI * f / Rate;
            double cr = Math.Cos(step), sr = Math.Sin(step);
            double c = 1, s = 0;
            // Stop once the partial is below half a 16-bit step (about -96 dBFS): nothing audible is lost, time is saved.
            double level = gain * amp;
            int audible = level <= Quiet ? 0 : (int)Math.Min(length, Math.Log(Quiet / level) / Math.Log(decay) + 1);
            for (int t = 0; t < audible; t++)
            {
                mono[first + t] += (float)(amp * s) * envelope[t];
                double nc = c * cr - s * sr;
                s = s * cr + c * sr;
                c = nc;
                amp *= decay;
            }
        }
    }

    private static float[] ToStereo(float[] mono)
    {
        float peak = 0;
        foreach (float x in mono)
        {
            peak = Math.Max(peak, Math.Abs(x));
        }
        float scale = peak > 0.89f ? 0.89f / peak : 1f;
        var stereo = new float[mono.Length * 2];
        for (int i = 0; i < mono.Length; i++)
        {
            stereo[2 * i] = stereo[2 * i + 1] = mono[i] * scale;
        }
        return stereo;
    }
}
