using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Audio;

/// <summary>
/// Renders with FluidSynth (libfluidsynth 3, through P/Invoke) and a General MIDI soundfont, for realistic
/// instruments. Create it with <see cref="TryCreate"/>, which returns <c>null</c> when the library or a soundfont
/// is missing so callers fall back to <see cref="BuiltInSynth"/>. Making a synth and loading its soundfont costs more
/// than rendering a two-bar clip (about 45 ms against 11 ms per clip on the development machine), so synths with their
/// soundfont loaded are kept for the process, a few per soundfont (<see cref="KeptSynths"/>), and put back as new between
/// renders: reset, and their 64-frame block clock realigned, so a kept synth's notes start on the same frames as a new
/// one's and nothing of the previous render is heard (the reverb's modulation keeps running, so renders agree to within
/// about -60 dB rather than to the bit).
/// </summary>
public sealed class FluidSynthRenderer : IAudioRenderer
{
    /// <summary>Environment variable that names a soundfont (.sf2) to use instead of searching.</summary>
    public const string SoundFontVariable = "LATENT_SOUNDFONT";

    /// <summary>Seconds rendered after the last note ends, for reverb and release tails.</summary>
    public const double TailSeconds = 1.0;

    /// <summary>Most idle synths kept per soundfont (each holds the soundfont's samples, a few MB for a GM set).</summary>
    public static readonly int KeptSynths = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>FluidSynth renders in blocks of this many frames; notes start on block boundaries.</summary>
    private const int BlockFrames = 64;

    private static readonly ConcurrentDictionary<string, ConcurrentBag<Instance>> Idle = new(StringComparer.Ordinal);

    private static readonly string[] SearchFolders = ["/usr/share/sounds/sf2", "/usr/share/soundfonts", "/usr/share/sounds/sf3"];
    private static readonly string[] PreferredNames = ["TimGM6mb.sf2", "default-GM.sf2", "FluidR3_GM.sf2"];

    private FluidSynthRenderer(string soundFont) => SoundFont = soundFont;

    /// <summary>Path of the soundfont in use.</summary>
    public string SoundFont { get; }

    /// <inheritdoc />
    public string Name => $"FluidSynth ({Path.GetFileName(SoundFont)})";

    /// <summary>
    /// A renderer when libfluidsynth.so.3 loads and a soundfont is found (<paramref name="soundFont"/>, then
    /// <see cref="SoundFontVariable"/>, then the usual Debian soundfont folders); otherwise <c>null</c>.
    /// </summary>
    public static FluidSynthRenderer? TryCreate(string? soundFont = null)
    {
        if (!NativeLibrary.TryLoad(FluidSynthNative.Library, typeof(FluidSynthRenderer).Assembly, null, out _))
        {
            return null;
        }
        var path = FindSoundFont(soundFont);
        return path is null ? null : new FluidSynthRenderer(path);
    }

    /// <summary>The soundfont that would be used, or <c>null</c> when none is found.</summary>
    public static string? FindSoundFont(string? preferred = null)
    {
        foreach (var candidate in new[] { preferred, Environment.GetEnvironmentVariable(SoundFontVariable) })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }
        var found = SearchFolders.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.sf2"))
            .OrderBy(f => Array.IndexOf(PreferredNames, Path.GetFileName(f)) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(f => f, StringComparer.Ordinal);
        return found.FirstOrDefault();
    }

    /// <inheritdoc />
    public float[] Render(MidiScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var events = FluidEvents.Of(score, WavFiles.SampleRate, BuiltInSynth.MaxSeconds);
        int frames = (int)Math.Min(BuiltInSynth.MaxSeconds * WavFiles.SampleRate,
            (events.Count == 0 ? 0 : events[^1].Frame) + TailSeconds * WavFiles.SampleRate) + 1;
        var buffer = new float[frames * 2];
        var instance = Rent();
        var synth = instance.Synth;
        var clean = false;
        try
        {
            foreach (var part in score.Parts)
            {
                FluidSynthNative.fluid_synth_program_change(synth, part.Channel, part.Program);
            }
            int done = 0;
            foreach (var e in events)
            {
                done = Write(synth, buffer, done, Math.Min(e.Frame, frames));
                if (e.Velocity > 0)
                {
                    FluidSynthNative.fluid_synth_noteon(synth, e.Channel, e.Pitch, e.Velocity);
                }
                else
                {
                    FluidSynthNative.fluid_synth_noteoff(synth, e.Channel, e.Pitch);
                }
            }
            Write(synth, buffer, done, frames);
            clean = Restore(synth, frames);
        }
        finally
        {
            Return(instance, clean);
        }
        return buffer;
    }

    /// <summary>
    /// Puts a synth that has rendered <paramref name="frames"/> frames back as a new one: every voice silenced and the
    /// effects cleared (a system reset, applied at the next block), and the frames written brought to a whole number of
    /// blocks, so the next render's notes fall on the same frames as on a new synth. False when the reset failed.
    /// </summary>
    private static bool Restore(IntPtr synth, int frames)
    {
        if (FluidSynthNative.fluid_synth_system_reset(synth) != 0) return false;
        var rest = (BlockFrames - frames % BlockFrames) % BlockFrames;
        var scratch = new float[2 * (rest + BlockFrames)];
        // The rest of the current block, then one whole block in which the reset is applied.
        Write(synth, scratch, 0, rest + BlockFrames);
        return true;
    }

    /// <summary>A synth with the soundfont loaded: an idle one, or a new one.</summary>
    private Instance Rent()
    {
        if (Idle.TryGetValue(SoundFont, out var idle) && idle.TryTake(out var kept))
        {
            return kept;
        }
        IntPtr settings = FluidSynthNative.new_fluid_settings();
        FluidSynthNative.fluid_settings_setnum(settings, "synth.sample-rate", WavFiles.SampleRate);
        FluidSynthNative.fluid_settings_setnum(settings, "synth.gain", 0.4);
        IntPtr synth = FluidSynthNative.new_fluid_synth(settings);
        if (synth == IntPtr.Zero || FluidSynthNative.fluid_synth_sfload(synth, SoundFont, 1) < 0)
        {
            Delete(new Instance(settings, synth));
            throw new InvalidOperationException($"FluidSynth could not load the soundfont {SoundFont}");
        }
        return new Instance(settings, synth);
    }

    /// <summary>Keeps a restored synth for the next render, unless enough are kept already; deletes the others.</summary>
    private void Return(Instance instance, bool clean)
    {
        var idle = Idle.GetOrAdd(SoundFont, _ => []);
        if (clean && idle.Count < KeptSynths)
        {
            idle.Add(instance);
        }
        else
        {
            Delete(instance);
        }
    }

    private static void Delete(Instance instance)
    {
        if (instance.Synth != IntPtr.Zero)
        {
            FluidSynthNative.delete_fluid_synth(instance.Synth);
        }
        FluidSynthNative.delete_fluid_settings(instance.Settings);
    }

    /// <summary>A synth and the settings it was made with (deleted together).</summary>
    private readonly record struct Instance(IntPtr Settings, IntPtr Synth);

    private static int Write(IntPtr synth, float[] buffer, int from, int to)
    {
        while (from < to)
        {
            int n = Math.Min(4096, to - from);
            FluidSynthNative.fluid_synth_write_float(synth, n, buffer, 2 * from, 2, buffer, 2 * from + 1, 2);
            from += n;
        }
        return Math.Max(from, to);
    }
}
