using NAudio.Wave;
using NAudio.Wave.SampleProviders;

namespace LatentWorkbench.Domains.Music.Audio;

/// <summary>
/// WAV files on NAudio.Core: writing rendered samples as 16-bit PCM, reading a file back to samples, playing several
/// files one after another (a path's clips), and resampling. The renderers (the built-in synthesizer, FluidSynth)
/// produce the samples; this is everything after them.
/// </summary>
public static class WavFiles
{
    /// <summary>CD sample rate used by every renderer here (samples per second).</summary>
    public const int SampleRate = 44_100;

    /// <summary>
    /// A RIFF/WAVE file of <paramref name="interleaved"/> samples (<paramref name="channels"/> per frame), clipped to
    /// -1..1 and written as 16-bit PCM.
    /// </summary>
    public static byte[] Write(ReadOnlySpan<float> interleaved, int channels, int sampleRate = SampleRate)
    {
        if (channels is < 1 or > 8) throw new ArgumentOutOfRangeException(nameof(channels), channels, "1 to 8 channels");
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1000);
        return Write(new SampleBuffer(interleaved.ToArray(), WaveFormat.CreateIeeeFloatWaveFormat(sampleRate, channels)));
    }

    /// <summary>The samples of a WAV file (any PCM or float format NAudio reads) as interleaved floats, with its format.</summary>
    public static (float[] Samples, WaveFormat Format) Read(byte[] wav)
    {
        ArgumentNullException.ThrowIfNull(wav);
        using var reader = new WaveFileReader(new MemoryStream(wav, writable: false));
        var samples = ReadAll(reader.ToSampleProvider());
        return (samples, WaveFormat.CreateIeeeFloatWaveFormat(reader.WaveFormat.SampleRate, reader.WaveFormat.Channels));
    }

    /// <summary>
    /// One WAV of <paramref name="wavs"/> played one after another, each followed by <paramref name="gap"/> of silence
    /// (the last one too, so the end is not cut short). With <paramref name="atLeast"/>, a file shorter than its entry
    /// is followed by silence up to that length first (a clip whose last bar ends in rests keeps its bars). Every file
    /// must have the first one's rate and channels.
    /// </summary>
    public static byte[] Concatenate(IReadOnlyList<byte[]> wavs, TimeSpan gap, IReadOnlyList<TimeSpan>? atLeast = null)
    {
        ArgumentNullException.ThrowIfNull(wavs);
        if (wavs.Count == 0) throw new ArgumentException("Nothing to play: no files.", nameof(wavs));
        if (gap < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(gap), gap, "The gap cannot be negative.");
        if (atLeast is not null && atLeast.Count != wavs.Count) throw new ArgumentException("Give one least length per file.", nameof(atLeast));
        var parts = wavs.Select(Read).ToList();
        var format = parts[0].Format;
        if (parts.Any(p => p.Format.SampleRate != format.SampleRate || p.Format.Channels != format.Channels))
            throw new ArgumentException($"Every file must be {format.SampleRate} Hz with {format.Channels} channel(s) to be played in a row.", nameof(wavs));
        var sequence = new ConcatenatingSampleProvider(parts.Select((p, i) =>
        {
            var length = TimeSpan.FromSeconds(p.Samples.Length / (double)(format.SampleRate * format.Channels));
            var rest = atLeast is null || atLeast[i] <= length ? TimeSpan.Zero : atLeast[i] - length;
            return new OffsetSampleProvider(new SampleBuffer(p.Samples, format)) { LeadOut = rest + gap };
        }));
        return Write(sequence);
    }

    /// <summary>The WAV file at another sample rate (WDL's resampler), e.g. a lighter download at 22,050 Hz.</summary>
    public static byte[] Resample(byte[] wav, int sampleRate)
    {
        if (sampleRate is < 8_000 or > 192_000) throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "8,000 to 192,000 Hz");
        var (samples, format) = Read(wav);
        return format.SampleRate == sampleRate ? wav : Write(new WdlResamplingSampleProvider(new SampleBuffer(samples, format), sampleRate));
    }

    /// <summary>
    /// <paramref name="mono"/> on both channels of a stereo signal, scaled so that its peak is at most
    /// <paramref name="ceiling"/> (quieter signals are left as they are).
    /// </summary>
    public static float[] ToStereo(float[] mono, float ceiling)
    {
        ArgumentNullException.ThrowIfNull(mono);
        float peak = 0;
        foreach (float x in mono) peak = Math.Max(peak, Math.Abs(x));
        var source = new VolumeSampleProvider(new SampleBuffer(mono, WaveFormat.CreateIeeeFloatWaveFormat(SampleRate, 1)))
        {
            Volume = peak > ceiling ? ceiling / peak : 1f,
        };
        return ReadAll(new MonoToStereoSampleProvider(source));
    }

    private static byte[] Write(ISampleProvider samples)
    {
        using var stream = new MemoryStream();
        WaveFileWriter.WriteWavFileToStream(stream, samples.ToWaveProvider16());
        return stream.ToArray();
    }

    private static float[] ReadAll(ISampleProvider source)
    {
        var all = new List<float>();
        var buffer = new float[source.WaveFormat.SampleRate * source.WaveFormat.Channels];
        int read;
        while ((read = source.Read(buffer)) > 0) all.AddRange(buffer.AsSpan(0, read));
        return [.. all];
    }

    /// <summary>Samples in memory as an NAudio sample source.</summary>
    private sealed class SampleBuffer(float[] samples, WaveFormat format) : ISampleProvider
    {
        private int _position;

        public WaveFormat WaveFormat => format;

        public int Read(Span<float> buffer)
        {
            int count = Math.Min(buffer.Length, samples.Length - _position);
            samples.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }
    }
}
