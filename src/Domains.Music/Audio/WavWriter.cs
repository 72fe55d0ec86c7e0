namespace LatentWorkbench.Domains.Music.Audio;

/// <summary>Writes 16-bit PCM WAV files from float samples in -1..1.</summary>
public static class WavWriter
{
    /// <summary>CD sample rate used by every renderer here (samples per second).</summary>
    public const int SampleRate = 44_100;

    /// <summary>
    /// A RIFF/WAVE file of <paramref name="interleaved"/> samples (<paramref name="channels"/> per frame), clipped to
    /// -1..1 and rounded to 16 bits.
    /// </summary>
    public static byte[] Write(ReadOnlySpan<float> interleaved, int channels, int sampleRate = SampleRate)
    {
        if (channels is < 1 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "1 to 8 channels");
        }
        int dataBytes = interleaved.Length * 2;
        var bytes = new byte[44 + dataBytes];
        var w = bytes.AsSpan();
        "RIFF"u8.CopyTo(w);
        BitConverter.TryWriteBytes(w[4..], 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(w[8..]);
        BitConverter.TryWriteBytes(w[16..], 16);
        BitConverter.TryWriteBytes(w[20..], (short)1);
        BitConverter.TryWriteBytes(w[22..], (short)channels);
        BitConverter.TryWriteBytes(w[24..], sampleRate);
        BitConverter.TryWriteBytes(w[28..], sampleRate * channels * 2);
        BitConverter.TryWriteBytes(w[32..], (short)(channels * 2));
        BitConverter.TryWriteBytes(w[34..], (short)16);
        "data"u8.CopyTo(w[36..]);
        BitConverter.TryWriteBytes(w[40..], dataBytes);
        for (int i = 0; i < interleaved.Length; i++)
        {
            short s = (short)Math.Round(Math.Clamp(interleaved[i], -1f, 1f) * 32767f);
            bytes[44 + 2 * i] = (byte)s;
            bytes[45 + 2 * i] = (byte)(s >> 8);
        }
        return bytes;
    }
}
