using System.Runtime.InteropServices;

namespace LatentWorkbench.Domains.Music.Audio;

/// <summary>The few libfluidsynth (version 3) functions the renderer calls.</summary>
internal static class FluidSynthNative
{
    public const string Library = "libfluidsynth.so.3";

    [DllImport(Library)]
    public static extern IntPtr new_fluid_settings();

    [DllImport(Library)]
    public static extern void delete_fluid_settings(IntPtr settings);

    [DllImport(Library, CharSet = CharSet.Ansi, BestFitMapping = false)]
    public static extern int fluid_settings_setnum(IntPtr settings, string name, double value);

    [DllImport(Library, CharSet = CharSet.Ansi, BestFitMapping = false)]
    public static extern int fluid_settings_setint(IntPtr settings, string name, int value);

    [DllImport(Library)]
    public static extern IntPtr new_fluid_synth(IntPtr settings);

    [DllImport(Library)]
    public static extern void delete_fluid_synth(IntPtr synth);

    [DllImport(Library, CharSet = CharSet.Ansi, BestFitMapping = false)]
    public static extern int fluid_synth_sfload(IntPtr synth, string path, int resetPresets);

    [DllImport(Library)]
    public static extern int fluid_synth_system_reset(IntPtr synth);

    [DllImport(Library)]
    public static extern int fluid_synth_program_change(IntPtr synth, int channel, int program);

    [DllImport(Library)]
    public static extern int fluid_synth_noteon(IntPtr synth, int channel, int key, int velocity);

    [DllImport(Library)]
    public static extern int fluid_synth_noteoff(IntPtr synth, int channel, int key);

    [DllImport(Library)]
    public static extern int fluid_synth_write_float(IntPtr synth, int length, float[] left, int leftOffset, int leftStride,
        float[] right, int rightOffset, int rightStride);
}
