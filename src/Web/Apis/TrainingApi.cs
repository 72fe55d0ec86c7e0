using LatentWorkbench.Web.Accounts;
using LatentWorkbench.Storage.Accounts;
using LatentWorkbench.Web.Apis.Responses;
using LatentWorkbench.Web.Services.Training;
using LatentWorkbench.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LatentWorkbench.Web.Apis;

/// <summary>
/// Background training over REST: the data sets the server offers (and uploads to them), and jobs that train a new
/// checkpoint, with their live progress and chart points, cancel and resume.
/// </summary>
public static class TrainingApi
{
    /// <summary>Maps <c>/api/training</c>.</summary>
    public static RouteGroupBuilder MapTrainingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/training").WithTags("Training").RequireRole(WorkbenchRoles.Admin);
        api.MapGet("/datasets", DataSets).WithSummary("Training data sets in the data folders");
        api.MapPost("/datasets", UploadAsync).WithSummary("Uploads a data set (one file, or several files that become one folder)")
            .DisableAntiforgery().Accepts<IFormFileCollection>("multipart/form-data").ProducesProblems(400, 413, 415);
        api.MapGet("/jobs", List).WithSummary("Training jobs, newest first");
        api.MapGet("/jobs/{id:long}", Get).WithSummary("One job with its chart points").ProducesProblems(404);
        api.MapPost("/jobs", Start).WithSummary("Queues a training job").ProducesProblems(400, 404);
        api.MapPost("/jobs/{id:long}/cancel", Cancel).WithSummary("Cancels a queued job, or stops a running one after a checkpoint").ProducesProblems(404, 409);
        api.MapPost("/jobs/{id:long}/resume", Resume).WithSummary("Resumes a cancelled, interrupted or failed job from its checkpoint").ProducesProblems(404, 409);
        api.MapDelete("/jobs/{id:long}", Remove).WithSummary("Forgets a finished job (its checkpoint stays)").ProducesProblems(404, 409);
        return api.WithApiErrors();
    }

    private static Ok<DataSetResponse[]> DataSets(TrainingFolders folders) => TypedResults.Ok(folders.List().Select(DataSetResponse.Of).ToArray());

    private static async Task<Created<UploadedDataSetResponse>> UploadAsync(HttpContext context, TrainingFolders folders, CancellationToken cancellation)
    {
        // Data sets are bigger than the API's usual request limit: lift it for this request before the form is read.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = folders.MaxUploadBytes;
        ApiErrors.Require(context.Request.HasFormContentType, "Send the files as multipart/form-data.");
        var form = await context.Request.ReadFormAsync(cancellation);
        var files = form.Files.Select(f => (f.FileName, (Func<long, Stream>)(_ => f.OpenReadStream()))).ToList();
        var path = await folders.SaveUploadAsync(files, cancellation);
        return TypedResults.Created($"/api/training/datasets",
            new UploadedDataSetResponse(Path.GetRelativePath(folders.DataRoots[0], path), path, Directory.Exists(path)));
    }

    private static Ok<TrainingJobResponse[]> List(string? domain, TrainingJobRunner runner) =>
        TypedResults.Ok(runner.List(domain).Select(TrainingJobResponse.Of).ToArray());

    private static Ok<TrainingJobDetailResponse> Get(long id, TrainingJobRunner runner) =>
        TypedResults.Ok(new TrainingJobDetailResponse(TrainingJobResponse.Of(runner.Get(id)), runner.Points(id)));

    private static Created<TrainingJobResponse> Start(TrainingJobRequest request, TrainingJobRunner runner)
    {
        ApiErrors.Require(request is { Domain.Length: > 0, Name.Length: > 0, Data.Length: > 0 }, "Send a JSON body with domain, name and data.");
        var job = runner.Start(request);
        return TypedResults.Created($"/api/training/jobs/{job.Id}", TrainingJobResponse.Of(job));
    }

    private static Ok<TrainingJobResponse> Cancel(long id, TrainingJobRunner runner) => TypedResults.Ok(TrainingJobResponse.Of(runner.Cancel(id)));

    private static Ok<TrainingJobResponse> Resume(long id, TrainingJobRunner runner) => TypedResults.Ok(TrainingJobResponse.Of(runner.Resume(id)));

    private static NoContent Remove(long id, TrainingJobRunner runner)
    {
        runner.Remove(id);
        return TypedResults.NoContent();
    }
}
