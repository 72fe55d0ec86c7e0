using static TorchSharp.torch;

namespace LatentWorkbench.Core.Runtime;

/// <summary>
/// Number format of the heavy tensor work. <see cref="Fp32"/> everywhere by default; <see cref="Bf16"/> runs the GRU and
/// output matrix products in bfloat16 (twice the speed on CPUs with AVX512-BF16 or AMX, and on GPUs), keeping float32
/// for the master weights and optimiser in training, and for latents, properties and log-probabilities in inference.
/// </summary>
public enum Precision
{
    /// <summary>float32 throughout.</summary>
    Fp32,
    /// <summary>bfloat16 matrix work with float32 master weights and outputs.</summary>
    Bf16,
}

/// <summary>Parses <c>fp32|bf16</c> and tells whether this machine runs bfloat16 natively.</summary>
public static class PrecisionSelector
{
    /// <summary>Names users may give.</summary>
    public static IReadOnlyList<string> Choices { get; } = ["fp32", "bf16"];

    /// <summary>The precision named <paramref name="name"/> (null or empty: fp32); throws <see cref="ArgumentException"/> otherwise.</summary>
    public static Precision Parse(string? name) => (name ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "fp32" or "float32" => Precision.Fp32,
        "bf16" or "bfloat16" => Precision.Bf16,
        _ => throw new ArgumentException($"Unknown precision '{name}': use fp32 or bf16."),
    };

    /// <summary>Whether the CPU has bfloat16 instructions (AVX512-BF16 or AMX-BF16); without them bf16 works but is slow.</summary>
    public static bool CpuHasNativeBf16 { get; } = ReadCpuFlags().Overlaps(["avx512_bf16", "amx_bf16"]);

    internal static ScalarType ScalarType(Precision precision) => precision == Precision.Bf16 ? TorchSharp.torch.ScalarType.BFloat16 : TorchSharp.torch.ScalarType.Float32;

    private static HashSet<string> ReadCpuFlags()
    {
        try
        {
            if (!OperatingSystem.IsLinux() || !File.Exists("/proc/cpuinfo")) return [];
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal));
            return line is null ? [] : line[(line.IndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        }
        catch (IOException)
        {
            return [];
        }
    }
}
