using System.Diagnostics;
using LatentWorkbench.Storage;
using LatentWorkbench.Storage.Accounts;
using LatentWorkbench.Web.Accounts;
using LatentWorkbench.Web.Apis.Responses;
using LatentWorkbench.Web.Services.Training;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LatentWorkbench.Web.Apis;

/// <summary>
/// <c>GET /healthz</c>, for a reverse proxy's health checks (anyone may call it; it says only whether this instance
/// reaches its database), and <c>GET /api/instance</c> (admins): which instance answered, its store, whether it trains,
/// and its memory and live tensors, so an operator (or the load bench) can tell the instances of a lab apart.
/// </summary>
public static class InstanceApi
{
    /// <summary>Maps both endpoints.</summary>
    public static IEndpointRouteBuilder MapInstanceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Health).WithTags("Instance").WithSummary("200 when this instance reaches its database, else 503").AllowAnonymous()
            .WithApiErrors();
        app.MapGet("/api/instance", Describe).WithTags("Instance").WithSummary("This instance: worker name, store, training role, memory (collect=true: after a full garbage collection)")
            .RequireRole(WorkbenchRoles.Admin).WithApiErrors();
        return app;
    }

    private static Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>> Health(WorkbenchDatabase database)
    {
        try
        {
            using var connection = database.Open();
            using var ping = WorkbenchDatabase.Command(connection, "SELECT 1;");
            ping.ExecuteScalar();
            return TypedResults.Ok(new HealthResponse("ok", null));
        }
        catch (System.Data.Common.DbException e)
        {
            return TypedResults.Json(new HealthResponse("unavailable", $"The database cannot be reached: {e.Message}"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static Ok<InstanceResponse> Describe(WorkbenchDatabase database, TrainingJobRunner runner, bool collect = false)
    {
        if (collect)
        {
            // Count only what is alive: tensors waiting for their finaliser are let go first.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        using var process = Process.GetCurrentProcess();
        return TypedResults.Ok(new InstanceResponse(runner.WorkerName, Environment.MachineName, Environment.ProcessId,
            database.Provider.ToString().ToLowerInvariant(), database.Description, runner.IsWorker,
            Math.Round(process.WorkingSet64 / 1024.0 / 1024.0, 1), TorchSharp.torch.Tensor.TotalCount));
    }
}
