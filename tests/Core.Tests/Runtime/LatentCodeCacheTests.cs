using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Core.Tests.Runtime;

/// <summary>The worker's cache of latent codes, and the lenient encode the latent map uses.</summary>
[Collection(ToyModelCollection.Name)]
public sealed class LatentCodeCacheTests(ToyModelFixture toy)
{
    private static LatentCode Code(float value) => new([value, value], [0, 0]);

    [Fact]
    public void Cache_KeepsTheMostRecentlyUsed_AndHandsOutCopies()
    {
        var cache = new LatentCodeCache(2);
        cache.Add("A", Code(1));
        cache.Add("B", Code(2));
        Assert.True(cache.TryGet("A", out var a));   // A is now the most recent: C evicts B
        cache.Add("C", Code(3));
        Assert.False(cache.TryGet("B", out _));
        Assert.Equal(2, cache.Count);
        a.Mean[0] = 99;
        Assert.True(cache.TryGet("A", out var again));
        Assert.Equal(1, again.Mean[0]);
        var none = new LatentCodeCache(0);
        none.Add("A", Code(1));
        Assert.False(none.TryGet("A", out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatentCodeCache(-1));
    }

    [Fact]
    public async Task TryEncode_GivesNullForWhatTheModelCannotRead_AndTheSameCodesAsEncode()
    {
        await using var worker = new ModelWorker(DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu"));
        var items = toy.HeldOut.Take(3).ToList();
        var codes = await worker.TryEncodeAsync([items[0], "ABZ", items[1], "", items[2], items[0]]);
        Assert.Null(codes[1]);
        Assert.Null(codes[3]);
        var expected = toy.Model.Encode(items);
        foreach (var (index, item) in new[] { (0, 0), (2, 1), (4, 2), (5, 0) })
            Assert.Equal(expected[item].Mean, codes[index]!.Mean, (x, y) => Math.Abs(x - y) < 1e-5f);
        // The two places of the same item own their arrays.
        Assert.NotSame(codes[0]!.Mean, codes[5]!.Mean);
        // The strict encode still refuses the request, naming the place.
        var error = await Assert.ThrowsAsync<ItemInputException>(() => worker.EncodeAsync([items[0], "ABZ"]));
        Assert.Equal(2, error.Position);
    }

    [Fact]
    public async Task Encode_AnItemSeenBefore_ComesFromTheCache_AndACallerCannotChangeIt()
    {
        await using var cached = new ModelWorker(DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu"));
        var item = toy.HeldOut[5];
        var first = (await cached.EncodeAsync([item]))[0];
        var original = first.Mean[0];
        first.Mean[0] = float.NaN;
        var second = (await cached.EncodeAsync([item]))[0];
        Assert.Equal(original, second.Mean[0]);
        // Encoded again alongside other items (a different batch), the code is the one kept.
        var mixed = await cached.EncodeAsync([toy.HeldOut[6], item]);
        Assert.Equal(second.Mean, mixed[1].Mean);
        await using var uncached = new ModelWorker(DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu"), cachedCodes: 0);
        Assert.Equal(second.Mean, (await uncached.EncodeAsync([item]))[0].Mean, (x, y) => Math.Abs(x - y) < 1e-5f);
    }
}
