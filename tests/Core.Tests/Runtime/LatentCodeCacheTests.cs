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

    [Fact]
    public async Task KeptEncode_ReadsTheStoreFirst_AndWritesWhatItEncoded_OtherEncodesNeverTouchIt()
    {
        var store = new MemoryStore();
        var items = toy.HeldOut.Take(3).ToList();
        await using (var worker = new ModelWorker(DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu"), store: store))
        {
            await worker.TryEncodeAsync([items[0]]);
            await worker.EncodeAsync([items[1]]);
            Assert.Equal(0, store.Reads + store.Codes.Count); // requests that do not ask to keep leave the store alone
            var codes = await worker.TryEncodeAsync([items[2], "ABZ"], keep: true);
            Assert.Null(codes[1]);
            Assert.Equal([items[2]], store.Codes.Keys);
            Assert.Equal(toy.Model.Encode([items[2]])[0].Mean, store.Codes[items[2]].Mean, (x, y) => Math.Abs(x - y) < 1e-5f);
        }
        // A new worker (a restart) takes a kept code as it is, without encoding the item.
        store.Codes[items[0]] = Code(7);
        await using (var restarted = new ModelWorker(DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu"), store: store))
        {
            var codes = await restarted.TryEncodeAsync([items[0], items[1]], keep: true);
            Assert.Equal(7, codes[0]!.Mean[0]);
            Assert.Equal(toy.Model.Encode([items[1]])[0].Mean, codes[1]!.Mean, (x, y) => Math.Abs(x - y) < 1e-5f);
            Assert.Contains(items[1], store.Codes.Keys); // the item it encoded is kept too
        }
        // A store that fails is a cache miss: the answer comes from the encoder.
        store.Fail = true;
        await using var failing = new ModelWorker(DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu"), store: store);
        var answer = await failing.TryEncodeAsync([items[0]], keep: true);
        Assert.Equal(toy.Model.Encode([items[0]])[0].Mean, answer[0]!.Mean, (x, y) => Math.Abs(x - y) < 1e-5f);
    }

    private sealed class MemoryStore : ILatentCodeStore
    {
        public Dictionary<string, LatentCode> Codes { get; } = new(StringComparer.Ordinal);

        public int Reads { get; private set; }

        public bool Fail { get; set; }

        public IReadOnlyDictionary<string, LatentCode> Find(IReadOnlyCollection<string> canonical)
        {
            if (Fail) throw new IOException("the store is gone");
            Reads++;
            return canonical.Where(Codes.ContainsKey).ToDictionary(c => c, c => Codes[c].DeepCopy());
        }

        public void Keep(IReadOnlyList<(string Canonical, LatentCode Code)> codes)
        {
            if (Fail) throw new IOException("the store is gone");
            foreach (var (canonical, code) in codes) Codes[canonical] = code.DeepCopy();
        }
    }
}
