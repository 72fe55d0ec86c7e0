using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Audio;

/// <summary>
/// A small additive synthesizer (no native dependencies): piano-like voices whose brightness and loudness follow
/// velocity and whose upper partials fade faster, a plucked bass for bass programs, linear attack and release
/// ramps so that notes never click, and a peak limiter on the mix (NAudio, <see cref="WavFiles.ToStereo"/>). The mono mix is written to both stereo channels. Oscillators are rotating phasors (no sine call
/// per sample), so rendering runs hundreds of times faster than real time on one core.
/// </summary>
public sealed class BuiltInSynth : IAudioRenderer
{
    /// <summary>Longest audio rendered (seconds); later notes are left out so memory stays bounded.</summary>
    public const double MaxSeconds = 600;

    private const int Rate = WavFiles.SampleRate;
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
        return WavFiles.ToStereo(mono, ceiling: 0.89f);
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
        // Oscillators are run three at a time so their recurrences overlap in the CPU (the loop is latency bound).
        int count = (voice.Partials.Length + 2) / 3 * 3;
        Span<double> amp = stackalloc double[count], decay = stackalloc double[count];
        Span<double> cr = stackalloc double[count], sr = stackalloc double[count];
        Span<int> audible = stackalloc int[count];
        for (int k = 0; k < count; k++)
        {
            double f = frequency * (k + 1) * (1 + 0.0004 * k * k);
            bool used = k < voice.Partials.Length && f < Rate * 0.45;
            // Velocity brightens: upper partials scale with velocity^(k/2); each decays faster than the one below.
            amp[k] = used ? voice.Partials[k] * Math.Pow(velocity, 0.5 * k) : 0;
            decay[k] = Math.Exp(-1.0 / (tau / Math.Pow(k + 1, 0.7) * Rate));
            cr[k] = Math.Cos(2 * Math.PI * f / Rate);
            sr[k] = used ? Math.Sin(2 * Math.PI * f / Rate) : 0;
            // Stop once the partial is below half a 16-bit step (about -96 dBFS): nothing audible is lost, time is saved.
            double level = gain * amp[k];
            audible[k] = level <= Quiet ? 0 : (int)Math.Min(length, Math.Log(Quiet / level) / Math.Log(decay[k]) + 1);
        }
        for (int k = 0; k < count; k += 3)
        {
            int n = Math.Max(audible[k], Math.Max(audible[k + 1], audible[k + 2]));
            double a1 = amp[k], a2 = amp[k + 1], a3 = amp[k + 2], d1 = decay[k], d2 = decay[k + 1], d3 = decay[k + 2];
            double cr1 = cr[k], cr2 = cr[k + 1], cr3 = cr[k + 2], sr1 = sr[k], sr2 = sr[k + 1], sr3 = sr[k + 2];
            double c1 = 1, c2 = 1, c3 = 1, s1 = 0, s2 = 0, s3 = 0;
            for (int t = 0; t < n; t++)
            {
                mono[first + t] += (float)(a1 * s1 + a2 * s2 + a3 * s3) * envelope[t];
                double n1 = c1 * cr1 - s1 * sr1, n2 = c2 * cr2 - s2 * sr2, n3 = c3 * cr3 - s3 * sr3;
                s1 = s1 * cr1 + c1 * sr1;
                s2 = s2 * cr2 + c2 * sr2;
                s3 = s3 * cr3 + c3 * sr3;
                c1 = n1;
                c2 = n2;
                c3 = n3;
                a1 *= d1;
                a2 *= d2;
                a3 *= d3;
            }
        }
    }
}
