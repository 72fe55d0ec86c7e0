using LatentWorkbench.Web.Services.Training;
using LatentWorkbench.Web.Storage;
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
        var api = app.MapGroup("/api/training").WithTags("Training");
        api.MapGet("/datasets", DataSets).WithSummary("Training data sets in the data folders");
        api.MapPost("/datasets", UploadAsync).WithSummary("Uploads a data set (one file, or several files that become one folder)")
            .DisableAntiforgery().Accepts<IFormFileCollection>("multipart/form-data");
        api.MapGet("/jobs", List).WithSummary("Training jobs, newest first");
        api.MapGet("/jobs/{id:long}", Get).WithSummary("One job with its chart points");
        api.MapPost("/jobs", Start).WithSummary("Queues a training job");
        api.MapPost("/jobs/{id:long}/cancel", Cancel).WithSummary("Cancels a queued job, or stops a running one after a checkpoint");
        api.MapPost("/jobs/{id:long}/resume", Resume).WithSummary("Resumes a cancelled, interrupted or failed job from its checkpoint");
        api.MapDelete("/jobs/{id:long}", Remove).WithSummary("Forgets a finished job (its checkpoint stays)");
        api.AddEndpointFilter(ApiErrors.Filter);
        return api;
    }

    private static Ok<object[]> DataSets(TrainingFolders folders) =>
        TypedResults.Ok(folders.List().Select(d => (object)new { name = d.Name, path = d.Path, folder = d.IsFolder, bytes = d.Bytes }).ToArray());

    private static async Task<Created<object>> UploadAsync(HttpContext context, TrainingFolders folders, CancellationToken cancellation)
    {
        // Data sets are bigger than the API's usual request limit: lift it for this request before the form is read.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = folders.MaxUploadBytes;
        ApiErrors.Require(context.Request.HasFormContentType, "Send the files as multipart/form-data.");
        var form = await context.Request.ReadFormAsync(cancellation);
        var files = form.Files.Select(f => (f.FileName, (Func<long, Stream>)(_ => f.OpenReadStream()))).ToList();
        var path = await folders.SaveUploadAsync(files, cancellation);
        var entry = new { name = Path.GetRelativePath(folders.DataRoots[0], path), path, folder = Directory.Exists(path) };
        return TypedResults.Created($"/api/training/datasets", (object)entry);
    }

    private static Ok<object[]> List(string? domain, TrainingJobRunner runner) => TypedResults.Ok(runner.List(domain).Select(Describe).ToArray());

    private static Ok<object> Get(long id, TrainingJobRunner runner)
    {
        var job = runner.Get(id);
        return TypedResults.Ok((object)new { job = Describe(job), points = runner.Points(id) });
    }

    private static Created<object> Start(TrainingJobRequest request, TrainingJobRunner runner)
    {
        ApiErrors.Require(request is not null, "Send a JSON body with domain, name and data.");
        var job = runner.Start(request!);
        return TypedResults.Created($"/api/training/jobs/{job.Id}", Describe(job));
    }

    private static Ok<object> Cancel(long id, TrainingJobRunner runner) => TypedResults.Ok(Describe(runner.Cancel(id)));

    private static Ok<object> Resume(long id, TrainingJobRunner runner) => TypedResults.Ok(Describe(runner.Resume(id)));

    private static NoContent Remove(long id, TrainingJobRunner runner)
    {
        runner.Remove(id);
        return TypedResults.NoContent();
    }

    private static object Describe(TrainingJob j) => new
    {
        id = j.Id, domain = j.Request.Domain, name = j.Request.Name, data = j.Request.Data, valid = j.Request.Valid, epochs_requested = j.Request.Epochs,
        limit = j.Request.Limit, kl_weight = j.Request.KlWeight, output = j.Output, status = TrainingJobStore.Name(j.Status), step = j.Step,
        total_steps = j.TotalSteps, epoch = j.Epoch, epochs = j.Epochs, fraction = j.Fraction, eta_seconds = j.EtaSeconds, message = j.Message,
        created = j.Created, updated = j.Updated,
    };
}
