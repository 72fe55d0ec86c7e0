namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>One instance of the workbench, as <c>GET /api/instance</c> describes it.</summary>
/// <param name="Worker">Its name in the training queue (machine/process/random).</param>
/// <param name="Machine">The machine's name.</param>
/// <param name="ProcessId">The process id.</param>
/// <param name="Storage">sqlite or postgres.</param>
/// <param name="Database">The SQLite file, or the PostgreSQL database's name.</param>
/// <param name="TrainsJobs">Whether this instance takes training jobs (Training:Worker).</param>
/// <param name="RssMb">Resident memory in MB.</param>
/// <param name="LiveTensors">TorchSharp tensors alive now.</param>
public sealed record InstanceResponse(string Worker, string Machine, int ProcessId, string Storage, string Database, bool TrainsJobs, double RssMb,
    long LiveTensors);

/// <summary>Body of <c>GET /healthz</c>.</summary>
/// <param name="Status">ok, or unavailable.</param>
/// <param name="Problem">What is wrong, when something is.</param>
public sealed record HealthResponse(string Status, string? Problem);
