using System.Runtime.InteropServices;
using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Audio;

/// <summary>
/// Renders with FluidSynth (libfluidsynth 3, through P/Invoke) and a General MIDI soundfont, for realistic
/// instruments. Create it with <see cref="TryCreate"/>, which returns <c>null</c> when the library or a soundfont
/// is missing so callers fall back to <see cref="BuiltInSynth"/>.
/// </summary>
public sealed class FluidSynthRenderer : IAudioRenderer
{
    /// <summary>Environment variable that names a soundfont (.sf2) to use instead of searching.</summary>
    public const string SoundFontVariable = "LATENT_SOUNDFONT";

    /// <summary>Seconds rendered after the last note ends, for reverb and release tails.</summary>
    public const double TailSeconds = 1.0;

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
        IntPtr settings = FluidSynthNative.new_fluid_settings();
        IntPtr synth = IntPtr.Zero;
        try
        {
            FluidSynthNative.fluid_settings_setnum(settings, "synth.sample-rate", WavFiles.SampleRate);
            FluidSynthNative.fluid_settings_setnum(settings, "synth.gain", 0.4);
            synth = FluidSynthNative.new_fluid_synth(settings);
            if (synth == IntPtr.Zero || FluidSynthNative.fluid_synth_sfload(synth, SoundFont, 1) < 0)
            {
                throw new InvalidOperationException($"FluidSynth could not load the soundfont {SoundFont}");
            }
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
        }
        finally
        {
            if (synth != IntPtr.Zero)
            {
                FluidSynthNative.delete_fluid_synth(synth);
            }
            FluidSynthNative.delete_fluid_settings(settings);
        }
        return buffer;
    }

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
