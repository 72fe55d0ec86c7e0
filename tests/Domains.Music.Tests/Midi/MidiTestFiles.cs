namespace LatentWorkbench.Domains.Music.Tests.Midi;

/// <summary>Builds small MIDI files byte by byte for reader tests.</summary>
internal static class MidiTestFiles
{
    public static byte[] Header(int format, int tracks, int ppq) =>
        [.. "MThd"u8, 0, 0, 0, 6, 0, (byte)format, (byte)(tracks >> 8), (byte)tracks, (byte)(ppq >> 8), (byte)ppq];

    public static byte[] Track(params byte[] data) =>
        [.. "MTrk"u8, (byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length, .. data];

    public static byte[] File(int format, int ppq, params byte[][] tracks) =>
        [.. Header(format, tracks.Length, ppq), .. tracks.SelectMany(t => t)];

    public static readonly byte[] EndOfTrack = [0x00, 0xFF, 0x2F, 0x00];
}
