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

/// <summary>Parses <c>fp32|bf16</c> and maps a precision to its tensor type.</summary>
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

    internal static ScalarType ScalarType(Precision precision) => precision == Precision.Bf16 ? TorchSharp.torch.ScalarType.BFloat16 : TorchSharp.torch.ScalarType.Float32;
}
