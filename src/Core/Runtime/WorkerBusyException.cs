namespace LatentWorkbench.Core.Runtime;

/// <summary>
/// A model's queue holds as many requests as it may (<see cref="ModelWorker.MaxQueued"/>): the request was not
/// queued, and the caller should try again shortly (the web answers 503 with <c>Retry-After</c>).
/// </summary>
public sealed class WorkerBusyException(string domainId, int limit)
    : Exception($"The {domainId} model is busy: {limit} requests are already waiting. Try again in a moment.")
{
    /// <summary>The model's domain.</summary>
    public string DomainId { get; } = domainId;

    /// <summary>The queue limit that was reached.</summary>
    public int Limit { get; } = limit;
}
