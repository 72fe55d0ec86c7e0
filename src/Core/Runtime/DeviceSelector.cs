using static TorchSharp.torch;

namespace LatentWorkbench.Core.Runtime;

/// <summary>Resolves <c>auto|cpu|cuda[:N]</c> to a torch device; <c>auto</c> picks CUDA when it is available.</summary>
public static class DeviceSelector
{
    /// <summary>Device names users may give.</summary>
    public static IReadOnlyList<string> Choices { get; } = ["auto", "cpu", "cuda"];

    /// <summary>The device for <paramref name="name"/>; throws <see cref="ArgumentException"/> for unknown names or missing CUDA.</summary>
    public static Device Resolve(string? name)
    {
        var value = (name ?? "auto").Trim().ToLowerInvariant();
        if (value is "" or "auto") return cuda.is_available() ? CUDA : CPU;
        if (value == "cpu") return CPU;
        if (value.StartsWith("cuda", StringComparison.Ordinal))
        {
            if (!cuda.is_available())
                throw new ArgumentException("CUDA was requested but is not available (install TorchSharp's CUDA packages and build with -p:TorchBackend=cuda).");
            return new Device(value);
        }
        throw new ArgumentException($"Unknown device '{name}': use auto, cpu or cuda.");
    }
}
