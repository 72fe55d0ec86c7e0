using System.Threading.Channels;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Core.Runtime;

/// <summary>
/// The one thread that owns a <see cref="DomainModel"/>'s tensor work. Requests from any number of callers queue
/// on a channel; waiting encode requests are merged into one batch (micro-batching); a request cancelled before
/// it starts is dropped. TorchSharp scopes and grad mode are per thread, so nothing here awaits inside a scope.
/// </summary>
public sealed class ModelWorker : IAsyncDisposable, IDisposable
{
    private readonly Channel<WorkItem> _queue = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread _thread;
    private readonly DomainModel _model;
    private bool _disposed;

    /// <summary>Starts the worker thread for <paramref name="model"/>, which it now owns.</summary>
    public ModelWorker(DomainModel model)
    {
        _model = model;
        _thread = new Thread(Loop) { IsBackground = true, Name = $"latent-worker-{model.Module.Id}" };
        _thread.Start();
    }

    /// <summary>The model's domain id.</summary>
    public string DomainId => _model.Module.Id;

    /// <summary>The model's manifest (read-only facts, safe from any thread).</summary>
    public Checkpoints.CheckpointManifest Manifest => _model.Model.Manifest;

    /// <summary>Runs <paramref name="work"/> on the worker thread.</summary>
    public Task<T> RunAsync<T>(Func<DomainModel, T> work, CancellationToken cancellation = default)
    {
        var item = new WorkItem<T>(work, cancellation);
        if (!_queue.Writer.TryWrite(item)) throw new ObjectDisposedException(nameof(ModelWorker));
        return item.Completion.Task;
    }

    /// <summary>Encodes items; concurrent calls are batched together.</summary>
    public Task<LatentCode[]> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellation = default)
    {
        var item = new EncodeItem(texts, cancellation);
        if (!_queue.Writer.TryWrite(item)) throw new ObjectDisposedException(nameof(ModelWorker));
        return item.Completion.Task;
    }

    private void Loop()
    {
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            if (!reader.TryRead(out var item)) continue;
            if (item is EncodeItem first)
            {
                var batch = new List<EncodeItem> { first };
                while (batch.Count < 64 && reader.TryPeek(out var next) && next is EncodeItem && reader.TryRead(out next))
                    batch.Add((EncodeItem)next);
                RunEncodeBatch(batch);
            }
            else
            {
                item.Execute(_model);
            }
        }
    }

    /// <summary>One encode call for many requests; a request with a bad item fails alone.</summary>
    private void RunEncodeBatch(List<EncodeItem> batch)
    {
        var live = batch.Where(b => !b.CancelIfRequested()).ToList();
        var ids = new List<int[]>();
        var ok = new List<EncodeItem>();
        foreach (var request in live)
        {
            try
            {
                var requestIds = request.Texts.Select(t => _model.Codec.ToIds(_model.Canonicalize(t))).ToArray();
                ids.AddRange(requestIds);
                ok.Add(request);
            }
            catch (Exception e) { request.Completion.TrySetException(e); }
        }
        if (ok.Count == 0) return;
        try
        {
            var codes = _model.Model.Encode(ids);
            var offset = 0;
            foreach (var request in ok)
            {
                request.Completion.TrySetResult(codes.AsSpan(offset, request.Texts.Count).ToArray());
                offset += request.Texts.Count;
            }
        }
        catch (Exception e)
        {
            foreach (var request in ok) request.Completion.TrySetException(e);
        }
    }

    /// <summary>Stops accepting work, finishes what is queued, and releases the model.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        _queue.Writer.TryComplete();
        await Task.Run(_thread.Join).ConfigureAwait(false);
        _model.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private abstract class WorkItem
    {
        public abstract void Execute(DomainModel model);
    }

    private sealed class WorkItem<T>(Func<DomainModel, T> work, CancellationToken cancellation) : WorkItem
    {
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Execute(DomainModel model)
        {
            if (cancellation.IsCancellationRequested) { Completion.TrySetCanceled(cancellation); return; }
            try { Completion.TrySetResult(work(model)); }
            catch (Exception e) { Completion.TrySetException(e); }
        }
    }

    private sealed class EncodeItem(IReadOnlyList<string> texts, CancellationToken cancellation) : WorkItem
    {
        public IReadOnlyList<string> Texts { get; } = texts;

        public TaskCompletionSource<LatentCode[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool CancelIfRequested() => cancellation.IsCancellationRequested && Completion.TrySetCanceled(cancellation);

        public override void Execute(DomainModel model) => throw new InvalidOperationException("Encode items run in batches.");
    }
}
