using System.Collections.Concurrent;
using System.Threading.Channels;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Core.Runtime;

/// <summary>
/// The threads that own a model's tensor work. Requests from any number of callers queue on one channel; a dispatcher
/// merges all waiting encode requests into one batch (wherever they wait in the queue), and so are waiting
/// interpolations and navigations, whose encodes, decodes, repairs and anchors then run as rows of shared batches
/// (<see cref="PathInterpolation.RunMany"/>). Each batch runs on a free replica: a copy of the same checkpoint with
/// its own thread (one by default; more let a machine's cores serve one model side by side). While every replica is
/// busy, new requests wait and join the next batch. The queue is bounded: past <see cref="MaxQueued"/> waiting requests
/// a new one is refused at once with <see cref="WorkerBusyException"/> (back-pressure). A request cancelled while it
/// waits (its client has gone) completes as cancelled at once and no longer counts against the limit; the worker skips
/// it. TorchSharp scopes and grad mode are per thread, so nothing here awaits inside a scope.
/// </summary>
public sealed class ModelWorker : IAsyncDisposable, IDisposable
{
    private readonly Channel<WorkItem> _queue = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread _dispatcher;
    private readonly Replica[] _replicas;
    // Last in, first out: a lone client keeps getting the replica it used last, whose weights the caches still hold.
    private readonly BlockingCollection<Replica> _idle = new(new ConcurrentStack<Replica>());
    private readonly LatentCodeCache _codes;
    private readonly ILatentCodeStore? _store;
    private int _queued, _codesKept;
    private bool _disposed;

    /// <summary>
    /// Starts the worker for <paramref name="model"/>, which it now owns; at most <paramref name="maxQueued"/>
    /// requests may wait (0: no limit). The worker's tensor operations use <paramref name="threads"/> CPU threads each
    /// (libtorch's intra-op threads, set on the worker's own thread). One is the default: a worker's operations are
    /// small (a decoding step is a few matrix products of a batch), and a second OpenMP team started from a thread other
    /// than the process's first runs them about 2.5 times slower on a 2-core machine than one thread does, while one
    /// thread per worker lets the workers of several domains use the cores side by side. The codes of the last
    /// <paramref name="cachedCodes"/> items encoded are kept (<see cref="LatentCodeCache"/>), so a page that encodes the
    /// same library again (the latent map) does not wait for the encoder.
    /// </summary>
    public ModelWorker(DomainModel model, int maxQueued = 0, int threads = 1, int cachedCodes = DefaultCachedCodes, ILatentCodeStore? store = null)
        : this([model], maxQueued, threads, cachedCodes, store)
    {
    }

    /// <summary>
    /// As <see cref="ModelWorker(DomainModel, int, int, int, ILatentCodeStore)"/>, with <paramref name="replicas"/>: copies of one
    /// checkpoint (loaded separately), each with its own thread, that take batches in turn. The worker owns them.
    /// <paramref name="store"/> keeps the codes of items encoded with <c>keep</c> across restarts (see <see cref="ILatentCodeStore"/>).
    /// </summary>
    public ModelWorker(IReadOnlyList<DomainModel> replicas, int maxQueued = 0, int threads = 1, int cachedCodes = DefaultCachedCodes, ILatentCodeStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(replicas);
        if (replicas.Count == 0) throw new ArgumentException("A worker needs at least one model.", nameof(replicas));
        if (replicas.Any(r => r.Module.Id != replicas[0].Module.Id || r.Model.Manifest.Files.Weights != replicas[0].Model.Manifest.Files.Weights))
            throw new ArgumentException("Replicas must be copies of one checkpoint.", nameof(replicas));
        ArgumentOutOfRangeException.ThrowIfNegative(maxQueued);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(cachedCodes);
        _codes = new LatentCodeCache(cachedCodes);
        _store = store;
        MaxQueued = maxQueued;
        Threads = threads;
        var id = replicas[0].Module.Id;
        _replicas = replicas.Select((model, i) => new Replica(model, threads, $"latent-worker-{id}-{i}", _idle)).ToArray();
        foreach (var replica in _replicas) _idle.Add(replica);
        _dispatcher = new Thread(Dispatch) { IsBackground = true, Name = $"latent-dispatch-{id}" };
        _dispatcher.Start();
    }

    /// <summary>Default number of items whose codes a worker keeps.</summary>
    public const int DefaultCachedCodes = 4096;

    /// <summary>The model's domain id.</summary>
    public string DomainId => _replicas[0].Model.Module.Id;

    /// <summary>The model's manifest (read-only facts, safe from any thread).</summary>
    public Checkpoints.CheckpointManifest Manifest => _replicas[0].Model.Model.Manifest;

    /// <summary>CPU threads of each tensor operation on the worker.</summary>
    public int Threads { get; }

    /// <summary>Copies of the model that take batches side by side, each on its own thread.</summary>
    public int Replicas => _replicas.Length;

    /// <summary>Most requests that may wait at once (0: no limit).</summary>
    public int MaxQueued { get; }

    /// <summary>Items whose codes the worker keeps now (see <see cref="LatentCodeCache"/>).</summary>
    public int CodesKept => Volatile.Read(ref _codesKept);

    /// <summary>Requests waiting now (not yet started, not cancelled).</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>
    /// Runs <paramref name="work"/> on the worker thread. Throws <see cref="WorkerBusyException"/> when the queue is
    /// full; the task is cancelled when <paramref name="cancellation"/> fires before the work starts.
    /// </summary>
    public Task<T> RunAsync<T>(Func<DomainModel, T> work, CancellationToken cancellation = default)
    {
        var item = new WorkItem<T>(work, cancellation);
        Enqueue(item, cancellation);
        return item.Completion.Task;
    }

    /// <summary>Encodes items; concurrent calls are batched together. Refused and cancelled as <see cref="RunAsync{T}"/>.</summary>
    public Task<LatentCode[]> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellation = default)
    {
        var item = new EncodeItem(texts, lenient: false, cancellation);
        Enqueue(item, cancellation);
        return item.Completion.Task!;
    }

    /// <summary>
    /// Encodes the items the model can read; an item it cannot read (bad syntax, a token outside its vocabulary) has a
    /// null code instead of failing the request. Batched, refused and cancelled as <see cref="EncodeAsync"/>. With
    /// <paramref name="keep"/> (the library's items), codes are first looked up in the worker's
    /// <see cref="ILatentCodeStore"/>, and those encoded are written to it, so they outlive the process.
    /// </summary>
    public Task<LatentCode?[]> TryEncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellation = default, bool keep = false)
    {
        var item = new EncodeItem(texts, lenient: true, cancellation, keep);
        Enqueue(item, cancellation);
        return item.Completion.Task;
    }

    /// <summary>
    /// The decoded path of <paramref name="request"/> (<see cref="PathInterpolation.Run"/>); interpolations waiting
    /// together are computed as one batch. Refused and cancelled as <see cref="RunAsync{T}"/>.
    /// </summary>
    public Task<IReadOnlyList<LatentPoint>> InterpolateAsync(PathRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var item = new BatchItem<PathRequest, IReadOnlyList<LatentPoint>>(request, cancellation);
        Enqueue(item, cancellation);
        return item.Completion.Task;
    }

    /// <summary>
    /// The navigation of <paramref name="request"/> (<see cref="Navigation.Run"/>); navigations waiting together are
    /// computed as one batch. Refused and cancelled as <see cref="RunAsync{T}"/>.
    /// </summary>
    public Task<NavigationResult> NavigateAsync(NavigationRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var item = new BatchItem<NavigationRequest, NavigationResult>(request, cancellation);
        Enqueue(item, cancellation);
        return item.Completion.Task;
    }

    /// <summary>Most requests of one kind merged into one batch.</summary>
    private const int MaxBatch = 64, MaxPathBatch = 16, MaxNavigationBatch = 8;

    private void Enqueue(WorkItem item, CancellationToken cancellation)
    {
        if (Interlocked.Increment(ref _queued) > MaxQueued && MaxQueued > 0)
        {
            Interlocked.Decrement(ref _queued);
            throw new WorkerBusyException(DomainId, MaxQueued);
        }
        item.OnLeave = () => Interlocked.Decrement(ref _queued);
        if (!_queue.Writer.TryWrite(item))
        {
            item.TryLeave();
            throw new ObjectDisposedException(nameof(ModelWorker));
        }
        item.CancelWhile(cancellation);
    }

    private void Dispatch()
    {
        var reader = _queue.Reader;
        // Items read from the channel and not yet started, in arrival order. Reading everything that waits lets a batch
        // take every waiting request of its kind, not only those queued right behind the first one.
        var waiting = new List<WorkItem>();
        Replica? replica = null;
        while (true)
        {
            // A free replica first: requests that arrive while every replica is busy wait here and join one batch.
            replica ??= _idle.Take();
            while (reader.TryRead(out var next)) waiting.Add(next);
            if (waiting.Count == 0)
            {
                if (!reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult()) break;
                continue;
            }
            var item = waiting[0];
            waiting.RemoveAt(0);
            // An item that can no longer leave the queue was cancelled while it waited: skip it.
            if (!item.TryLeave()) continue;
            // The batch is taken here, on the dispatcher, which alone reads the waiting list.
            Action<DomainModel> work = item switch
            {
                EncodeItem first => RunEncodeBatch(Take(first, waiting, MaxBatch)),
                BatchItem<PathRequest, IReadOnlyList<LatentPoint>> path => RunBatch(Take(path, waiting, MaxPathBatch),
                    (model, requests) => new PathInterpolation(model).RunMany(requests)),
                BatchItem<NavigationRequest, NavigationResult> navigation => RunBatch(Take(navigation, waiting, MaxNavigationBatch),
                    (model, requests) => new Navigation(model).RunMany(requests)),
                _ => item.Execute,
            };
            replica.Run(work);
            replica = null;
        }
        if (replica is not null) _idle.Add(replica);
    }

    /// <summary>
    /// <paramref name="first"/> and the waiting items of its kind, wherever they wait, up to <paramref name="most"/>;
    /// they leave <paramref name="waiting"/>.
    /// </summary>
    private static List<T> Take<T>(T first, List<WorkItem> waiting, int most) where T : WorkItem
    {
        var batch = new List<T> { first };
        for (int i = 0; i < waiting.Count && batch.Count < most;)
        {
            if (waiting[i] is T same)
            {
                waiting.RemoveAt(i);
                if (same.TryLeave()) batch.Add(same);
            }
            else
            {
                i++;
            }
        }
        return batch;
    }

    /// <summary>
    /// One call of <paramref name="run"/> (<see cref="PathInterpolation.RunMany"/>, <see cref="Navigation.RunMany"/>) for
    /// the batch's live requests; a request with a bad item fails alone.
    /// </summary>
    private static Action<DomainModel> RunBatch<TRequest, TResult>(List<BatchItem<TRequest, TResult>> batch,
        Func<DomainModel, TRequest[], IReadOnlyList<RequestOutcome<TResult>>> run) where TResult : class => model =>
    {
        var live = batch.Where(b => !b.CancelIfRequested()).ToList();
        if (live.Count == 0) return;
        try
        {
            var outcomes = run(model, live.Select(b => b.Request).ToArray());
            for (int i = 0; i < live.Count; i++)
            {
                if (outcomes[i].Result is { } result) live[i].Completion.TrySetResult(result);
                else live[i].Completion.TrySetException(outcomes[i].Error!);
            }
        }
        catch (Exception e)
        {
            foreach (var request in live) request.Completion.TrySetException(e);
        }
    };

    /// <summary>
    /// One encode call for the items of many requests that are not in the cache (each distinct item once); a request
    /// with a bad item fails alone, or gets a null code for it when it is lenient.
    /// </summary>
    private Action<DomainModel> RunEncodeBatch(List<EncodeItem> batch) => model =>
    {
        var live = batch.Where(b => !b.CancelIfRequested()).ToList();
        // Items to find or encode, each distinct canonical text once, and whether a request wants its code kept.
        var wanted = new Dictionary<string, (int[] Ids, bool Keep)>(StringComparer.Ordinal);
        var answers = new List<(EncodeItem Request, LatentCode?[] Codes, List<(int Index, string Canonical)> Pending)>();
        foreach (var request in live)
        {
            try
            {
                var codes = new LatentCode?[request.Texts.Count];
                var pending = new List<(int Index, string Canonical, int[] Ids)>();
                for (int i = 0; i < codes.Length; i++)
                {
                    // Most items come canonical already (the library stores them so): look them up before reading them.
                    if (_codes.TryGet(request.Texts[i], out var known)) { codes[i] = known; continue; }
                    if (Read(model, request.Texts[i], request.Lenient) is not var (canonical, ids)) continue;
                    if (_codes.TryGet(canonical, out var code)) codes[i] = code;
                    else pending.Add((i, canonical, ids));
                }
                // Items are wanted only once the whole request has been read, so a request that fails adds none.
                foreach (var (_, canonical, ids) in pending)
                    wanted[canonical] = (ids, request.Keep || (wanted.TryGetValue(canonical, out var before) && before.Keep));
                answers.Add((request, codes, pending.Select(p => (p.Index, p.Canonical)).ToList()));
            }
            catch (Exception e) { request.Completion.TrySetException(e); }
        }
        if (answers.Count == 0) return;
        try
        {
            var found = FindKept(wanted.Where(w => w.Value.Keep).Select(w => w.Key).ToList());
            var missing = wanted.Keys.Where(c => !found.ContainsKey(c)).ToList();
            var encoded = missing.Count == 0 ? [] : model.Model.Encode(missing.Select(c => wanted[c].Ids).ToList());
            var codeOf = new Dictionary<string, LatentCode>(found, StringComparer.Ordinal);
            for (int i = 0; i < missing.Count; i++) codeOf[missing[i]] = encoded[i];
            foreach (var (canonical, code) in codeOf) _codes.Add(canonical, code);
            Volatile.Write(ref _codesKept, _codes.Count);
            // Written before the answers go out, so a request that asked to keep its codes finds them kept when it completes.
            KeepEncoded(missing.Select((c, i) => (c, encoded[i])).Where(e => wanted[e.c].Keep).ToList());
            foreach (var (request, codes, pending) in answers)
            {
                // Every place gets its own arrays: the same item may be asked for twice, and callers own what they get.
                foreach (var (index, canonical) in pending) codes[index] = codeOf[canonical].DeepCopy();
                request.Completion.TrySetResult(codes);
            }
        }
        catch (Exception e)
        {
            foreach (var answer in answers) answer.Request.Completion.TrySetException(e);
        }
    };

    /// <summary>The store's codes of <paramref name="canonical"/>; none when there is no store or it cannot be read (a cache miss).</summary>
    private IReadOnlyDictionary<string, LatentCode> FindKept(IReadOnlyCollection<string> canonical)
    {
        if (_store is null || canonical.Count == 0) return new Dictionary<string, LatentCode>();
        try { return _store.Find(canonical); }
        catch (Exception e)
        {
            System.Diagnostics.Trace.TraceWarning($"Kept latent codes of {DomainId} could not be read: {e.Message}");
            return new Dictionary<string, LatentCode>();
        }
    }

    /// <summary>Writes newly encoded codes to the store, if any; a failure leaves them in memory only.</summary>
    private void KeepEncoded(IReadOnlyList<(string Canonical, LatentCode Code)> codes)
    {
        if (_store is null || codes.Count == 0) return;
        try { _store.Keep(codes); }
        catch (Exception e) { System.Diagnostics.Trace.TraceWarning($"Latent codes of {DomainId} could not be kept: {e.Message}"); }
    }

    /// <summary>The canonical text and token ids of <paramref name="text"/>; null when it cannot be read and <paramref name="lenient"/>.</summary>
    private static (string Canonical, int[] Ids)? Read(DomainModel model, string text, bool lenient)
    {
        try
        {
            var canonical = model.Canonicalize(text);
            return (canonical, model.Codec.ToIds(canonical));
        }
        catch (Exception e) when (lenient && ItemInputException.IsItemError(e))
        {
            return null;
        }
    }

    /// <summary>Stops accepting work, finishes what is queued, and releases the models.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        _queue.Writer.TryComplete();
        await Task.Run(() =>
        {
            _dispatcher.Join();
            foreach (var replica in _replicas) replica.Stop();
        }).ConfigureAwait(false);
        foreach (var replica in _replicas) replica.Model.Dispose();
        _idle.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>One copy of the model and the thread that runs its batches, one at a time; it is idle again after each.</summary>
    private sealed class Replica
    {
        private readonly BlockingCollection<Action<DomainModel>> _work = new();
        private readonly Thread _thread;

        public Replica(DomainModel model, int threads, string name, BlockingCollection<Replica> idle)
        {
            Model = model;
            _thread = new Thread(() =>
            {
                TorchSharp.torch.set_num_threads(threads);
                foreach (var work in _work.GetConsumingEnumerable())
                {
                    // Each batch completes its own requests, errors included; nothing may stop the thread.
                    try { work(model); }
                    catch (Exception e) { System.Diagnostics.Trace.TraceError($"{name}: {e}"); }
                    idle.Add(this);
                }
            }) { IsBackground = true, Name = name };
            _thread.Start();
        }

        public DomainModel Model { get; }

        public void Run(Action<DomainModel> work) => _work.Add(work);

        /// <summary>Finishes the batch it runs, then ends its thread.</summary>
        public void Stop()
        {
            _work.CompleteAdding();
            _thread.Join();
            _work.Dispose();
        }
    }

    private abstract class WorkItem
    {
        private readonly Lock _gate = new();
        private int _left;
        private CancellationTokenRegistration _registration;

        /// <summary>Called once when the item stops counting as queued.</summary>
        public Action? OnLeave { get; set; }

        /// <summary>
        /// Leaves the queue: true the first time (the worker starts it, or its client cancels it while it waits),
        /// false after that.
        /// </summary>
        public bool TryLeave()
        {
            if (Interlocked.Exchange(ref _left, 1) != 0) return false;
            lock (_gate) _registration.Unregister();
            OnLeave?.Invoke();
            return true;
        }

        /// <summary>Completes the item as cancelled, and out of the queue, when <paramref name="cancellation"/> fires before it starts.</summary>
        public void CancelWhile(CancellationToken cancellation)
        {
            if (!cancellation.CanBeCanceled) return;
            var registration = cancellation.Register(() =>
            {
                if (TryLeave()) SetCanceled(cancellation);
            });
            lock (_gate) _registration = registration;
            // Started (or cancelled) before the registration was kept: nothing is left to cancel.
            if (Volatile.Read(ref _left) != 0) registration.Unregister();
        }

        protected abstract void SetCanceled(CancellationToken cancellation);

        public abstract void Execute(DomainModel model);
    }

    private sealed class WorkItem<T>(Func<DomainModel, T> work, CancellationToken cancellation) : WorkItem
    {
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override void SetCanceled(CancellationToken token) => Completion.TrySetCanceled(token);

        public override void Execute(DomainModel model)
        {
            if (cancellation.IsCancellationRequested) { Completion.TrySetCanceled(cancellation); return; }
            try { Completion.TrySetResult(work(model)); }
            catch (Exception e) { Completion.TrySetException(e); }
        }
    }

    /// <summary>A request of a kind the worker computes in batches (interpolations, navigations).</summary>
    private sealed class BatchItem<TRequest, TResult>(TRequest request, CancellationToken cancellation) : WorkItem
    {
        public TRequest Request { get; } = request;

        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool CancelIfRequested() => cancellation.IsCancellationRequested && Completion.TrySetCanceled(cancellation);

        protected override void SetCanceled(CancellationToken token) => Completion.TrySetCanceled(token);

        public override void Execute(DomainModel model) => throw new InvalidOperationException("This kind of request runs in batches.");
    }

    private sealed class EncodeItem(IReadOnlyList<string> texts, bool lenient, CancellationToken cancellation, bool keep = false) : WorkItem
    {
        public IReadOnlyList<string> Texts { get; } = texts;

        /// <summary>Whether the codes are looked up in and written to the worker's <see cref="ILatentCodeStore"/>.</summary>
        public bool Keep { get; } = keep;

        /// <summary>Whether an item the model cannot read gets a null code (else it fails the request).</summary>
        public bool Lenient { get; } = lenient;

        public TaskCompletionSource<LatentCode?[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool CancelIfRequested() => cancellation.IsCancellationRequested && Completion.TrySetCanceled(cancellation);

        protected override void SetCanceled(CancellationToken token) => Completion.TrySetCanceled(token);

        public override void Execute(DomainModel model) => throw new InvalidOperationException("Encode items run in batches.");
    }
}
