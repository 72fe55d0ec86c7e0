using LatentWorkbench.Storage;

namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>A background training job: what was asked, where it trains to and how far it is.</summary>
/// <param name="Id">Job id.</param>
/// <param name="Domain">Domain id.</param>
/// <param name="Name">Checkpoint folder name.</param>
/// <param name="Data">Training data path.</param>
/// <param name="Valid">Held-out data path, or null for 5% of the data.</param>
/// <param name="EpochsRequested">Epochs asked for, or null for the domain's default.</param>
/// <param name="Limit">Most training items read (0 = all).</param>
/// <param name="KlWeight">Final KL weight asked for, or null for the domain's default.</param>
/// <param name="Output">The checkpoint folder the job writes.</param>
/// <param name="Status">queued, running, cancelled, interrupted, failed or completed.</param>
/// <param name="Step">Optimisation steps done.</param>
/// <param name="TotalSteps">Optimisation steps planned (0 until training starts).</param>
/// <param name="Epoch">Current epoch (1-based; 0 before training starts).</param>
/// <param name="Epochs">Epochs planned (0 until training starts).</param>
/// <param name="Fraction">Fraction of the planned steps done (0 to 1).</param>
/// <param name="EtaSeconds">Estimated seconds left, when training.</param>
/// <param name="Message">The latest progress line, or the error of a failed job.</param>
/// <param name="Created">When the job was created.</param>
/// <param name="Updated">When it last changed.</param>
/// <param name="Worker">The instance training it (machine/process/id), or null when no worker holds it.</param>
/// <param name="StopRequested">Whether a user asked the running job to stop.</param>
/// <param name="Takeovers">How often a worker took it over after its previous worker vanished.</param>
public sealed record TrainingJobResponse(long Id, string Domain, string Name, string Data, string? Valid, int? EpochsRequested, int Limit,
    double? KlWeight, string Output, string Status, long Step, long TotalSteps, int Epoch, int Epochs, double Fraction, double? EtaSeconds,
    string Message, DateTimeOffset Created, DateTimeOffset Updated, string? Worker, bool StopRequested, int Takeovers)
{
    /// <summary>The response for <paramref name="j"/>.</summary>
    public static TrainingJobResponse Of(TrainingJob j) => new(j.Id, j.Request.Domain, j.Request.Name, j.Request.Data, j.Request.Valid,
        j.Request.Epochs, j.Request.Limit, j.Request.KlWeight, j.Output, TrainingJobStore.Name(j.Status), j.Step, j.TotalSteps, j.Epoch,
        j.Epochs, j.Fraction, j.EtaSeconds, j.Message, j.Created, j.Updated, j.Worker, j.CancelRequested, j.Takeovers);
}
