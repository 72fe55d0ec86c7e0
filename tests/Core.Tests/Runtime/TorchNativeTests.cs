using TorchSharp;
using static TorchSharp.torch;

namespace LatentWorkbench.Core.Tests.Runtime;

/// <summary>Proves the native libtorch loads here (on Debian 12 only after the build's libstdc++ patch).</summary>
public sealed class TorchNativeTests
{
    [Fact]
    public void Tensor_OpAndBackward_Run()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 1, 2, 3 }, requires_grad: true);
        var y = (x * x).sum();
        y.backward();
        Assert.Equal(14f, y.item<float>());
        Assert.Equal(new float[] { 2, 4, 6 }, x.grad!.data<float>().ToArray());
    }
}
