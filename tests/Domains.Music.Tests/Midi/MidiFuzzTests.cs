using System.Diagnostics;
using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Domains.Music.Midi;
using Xunit.Abstractions;
using static LatentWorkbench.Domains.Music.Tests.Midi.MidiTestFiles;

namespace LatentWorkbench.Domains.Music.Tests.Midi;

/// <summary>Mutates small valid files and checks every mutant ends in a result or a <see cref="MidiFormatException"/>.</summary>
public class MidiFuzzTests(ITestOutputHelper output)
{
    private const int MutantsPerSeed = 2_600;

    [Fact]
    public void Read_EndsWithResultOrFormatError_OnTenThousandMutants()
    {
        var rng = new Random(20261124);
        var seeds = Seeds();
        int results = 0, errors = 0;
        double worstMs = 0;
        long worstBytes = 0;
        foreach (var seed in seeds)
        {
            for (int i = 0; i < MutantsPerSeed; i++)
            {
                var mutant = Mutate(seed, rng);
                long allocated = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                try
                {
                    var summary = MidiInspector.Inspect(mutant);
                    var score = MidiScore.FromFile(MidiReader.Read(mutant));
                    Assert.True(score.AllNotes().Count <= summary.Notes);
                    Assert.Equal(score.AllNotes().Count, MidiScore.FromBytes(MidiWriter.Write(score)).AllNotes().Count);
                    worstBytes = Math.Max(worstBytes, GC.GetAllocatedBytesForCurrentThread() - allocated);
                    Assert.All(ClipCutter.Cut(score, 2, minNotes: 1), c => Assert.True(ClipText.Parse(ClipText.ToText(c)).Ok));
                    results++;
                }
                catch (MidiFormatException ex)
                {
                    worstBytes = Math.Max(worstBytes, GC.GetAllocatedBytesForCurrentThread() - allocated);
                    Assert.Contains(" at byte ", ex.Message);
                    errors++;
                }
                worstMs = Math.Max(worstMs, clock.Elapsed.TotalMilliseconds);
            }
        }
        output.WriteLine($"{results + errors} mutants: {results} read, {errors} clear errors, worst {worstMs:0.00} ms, worst {worstBytes / 1024} KiB allocated reading and writing");
        Assert.Equal(seeds.Count * MutantsPerSeed, results + errors);
        // Inputs are under 2 KiB: an allocation sized from an unchecked length would show up as many MiB here.
        Assert.True(worstBytes < 1 << 20, $"a mutant allocated {worstBytes} bytes");
    }

    private static List<byte[]> Seeds()
    {
        var score = new MidiScore(480, [new TempoChange(0, 500_000), new TempoChange(960, 400_000)], [new TimeSignatureChange(0, 4, 4)],
            [
                new MidiPart("Piano", 0, 0, [.. Enumerable.Range(0, 24).Select(i => new MidiNote(60 + i % 12, i * 120, 240, 64 + i, 0))]),
                new MidiPart("Bass", 1, 32, [.. Enumerable.Range(0, 8).Select(i => new MidiNote(36 + i, i * 480, 480, 90, 1))]),
            ], 3840);
        return
        [
            MidiWriter.Write(score),
            File(0, 96, Track([0x00, 0xB0, 64, 127, 0x00, 0x90, 60, 100, 0x00, 64, 90, 0x30, 60, 0, 0x10, 64, 0, 0x20, 0xB0, 64, 0,
                0x00, 0xF0, 3, 0x7E, 0x09, 0xF7, 0x00, 0xF7, 2, 0xF8, 0xFA, 0x00, 0xE0, 0, 64, .. EndOfTrack])),
            File(2, 1024, Track([0x00, 0xFF, 0x51, 3, 0x07, 0xA1, 0x20, 0x00, 0xFF, 0x58, 4, 6, 3, 24, 8, .. EndOfTrack]),
                Track([0x00, 0xC0, 5, 0x00, 0x90, 62, 80, 0x83, 0x60, 0x80, 62, 0, 0x00, 0xD0, 3, .. EndOfTrack])),
            File(1, 0xE728 & 0xFFFF, Track([0x00, 0x99, 36, 100, 0x81, 0x00, 36, 0, .. EndOfTrack])),
        ];
    }

    private static byte[] Mutate(byte[] seed, Random rng)
    {
        var b = (byte[])seed.Clone();
        switch (rng.Next(7))
        {
            case 0:
                return b[..rng.Next(b.Length)];
            case 1:
                for (int k = rng.Next(1, 6); k > 0; k--)
                {
                    b[rng.Next(b.Length)] ^= (byte)(1 << rng.Next(8));
                }
                return b;
            case 2:
                b[rng.Next(b.Length)] = (byte)rng.Next(256);
                return b;
            case 3:
                int chunk = FindChunk(b, rng);
                rng.NextBytes(b.AsSpan(chunk + 4, 4));
                if (rng.Next(2) == 0)
                {
                    b[chunk + 4] = 0xFF;
                }
                return b;
            case 4:
                b[10] = (byte)rng.Next(256);
                b[11] = (byte)rng.Next(256);
                return b;
            case 5:
                int at = rng.Next(14, b.Length);
                return [.. b[..at], .. Enumerable.Repeat((byte)0xFF, rng.Next(1, 64)), .. b[at..]];
            default:
                int from = rng.Next(b.Length);
                return [.. b, .. b[from..], .. Enumerable.Range(0, rng.Next(32)).Select(_ => (byte)rng.Next(256))];
        }
    }

    private static int FindChunk(byte[] b, Random rng)
    {
        var starts = new List<int>();
        for (int i = 0; i + 8 <= b.Length; i++)
        {
            if (b[i] == 'M' && b[i + 1] == 'T' && (b[i + 2] == 'r' || b[i + 2] == 'h'))
            {
                starts.Add(i);
            }
        }
        return starts[rng.Next(starts.Count)];
    }
}
