using System.Threading.Channels;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Storage;

namespace LatentWorkbench.Web.Services;

/// <summary>
/// Has the codes of new library items ready before anyone asks: items added while their domain's model is loaded (one
/// by one, or hundreds by an import) are encoded in the background, in batches, into the model worker's cache of codes,
/// so the latent map opened after an import lays itself out without waiting for the encoder. It never loads a model for
/// this, sends one batch at a time (a page's own requests wait behind at most one), and gives up on a batch the worker
/// refuses as busy: this is a head start, not a promise.
/// </summary>
public sealed class LibraryCodeWarmer(LibraryStore library, ModelHub hub, ILogger<LibraryCodeWarmer> logger) : BackgroundService
{
    /// <summary>Most items in one background encode request.</summary>
    public const int BatchSize = 256;

    /// <summary>Items waiting to be encoded at most; past it the oldest are dropped (the worker keeps only so many codes anyway).</summary>
    public const int MostWaiting = ModelWorker.DefaultCachedCodes;

    private readonly Channel<LibraryItem> _added = Channel.CreateBounded<LibraryItem>(
        new BoundedChannelOptions(MostWaiting) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        library.Added += OnAdded;
        try
        {
            var reader = _added.Reader;
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                // An import adds items in quick succession: a moment's wait lets them go in one request.
                await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken);
                var batch = new List<LibraryItem>();
                while (batch.Count < BatchSize && reader.TryRead(out var item)) batch.Add(item);
                foreach (var domain in batch.GroupBy(i => i.Domain))
                    await WarmAsync(domain.Key, domain.Select(i => i.Text).ToList(), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            library.Added -= OnAdded;
        }
    }

    private void OnAdded(LibraryItem item) => _added.Writer.TryWrite(item);

    private async Task WarmAsync(string domainId, IReadOnlyList<string> texts, CancellationToken cancellation)
    {
        if (hub.Loaded(domainId) is not { } worker) return;
        try
        {
            await worker.TryEncodeAsync(texts, cancellation, keep: true);
        }
        catch (Exception e) when (e is WorkerBusyException or ObjectDisposedException)
        {
            // Busy or replaced by another checkpoint: the codes are encoded when someone asks for them.
            logger.LogDebug("Library codes of {Domain} not warmed: {Reason}", domainId, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A head start must never stop the server: say so, and let the next batch try.
            logger.LogWarning(e, "Library codes of {Domain} could not be warmed", domainId);
        }
    }
}
