using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Services;
using LatentWorkbench.Web.Services.Training;

namespace LatentWorkbench.Web.Apis;

/// <summary>Turns user errors into 4xx problem details (never a stack trace).</summary>
public static class ApiErrors
{
    /// <summary>The <c>Retry-After</c> of a 503 answered because a model's queue is full, in seconds.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>Throws a 400-mapped error with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void Require(bool condition, string message)
    {
        if (!condition) throw new ItemInputException(message);
    }

    /// <summary>
    /// The canonical form of an item a request names (e.g. <c>?item=</c>): 1 to <paramref name="maxLength"/> characters
    /// the domain's validator accepts; else a 400 naming what is wrong (with the position where the validator gives one).
    /// </summary>
    public static string CanonicalItem(IDomainModule module, string? item, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(module);
        Require(item is { Length: > 0 } && item.Length <= maxLength, $"item must hold 1 to {maxLength} characters");
        var check = module.Validator.Validate(item!);
        return check.IsValid ? check.Canonical! : throw new ItemInputException(check.Error ?? "The item is not valid.", check.Position);
    }

    /// <summary>
    /// Maps known exceptions to problem details on the endpoints of <paramref name="builder"/>, and lists the
    /// internal-error problem (for anything else, answered by <see cref="ApiExceptionHandler"/>) in the OpenAPI document.
    /// </summary>
    public static TBuilder WithApiErrors<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(Filter).ProducesProblem(StatusCodes.Status500InternalServerError);

    /// <summary>Lists the problem responses (application/problem+json) of <paramref name="statuses"/> in the OpenAPI document.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses) builder.ProducesProblem(status);
        return builder;
    }

    /// <summary>
    /// Lists a file download as the 200 response in the OpenAPI document: <paramref name="contentType"/>, or by default
    /// CSV, or a binary stream for a domain's own export formats (each has its own content type).
    /// </summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, string? contentType = null) => contentType is null
        ? builder.Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/octet-stream")
        : builder.Produces<Stream>(StatusCodes.Status200OK, contentType);

    /// <summary>Endpoint filter mapping known exceptions to problem details.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ItemInputException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid input",
                extensions: e.Position >= 0 ? new Dictionary<string, object?> { ["position"] = e.Position } : null);
        }
        catch (Exception e) when (e is FormatException or ArgumentException and not ArgumentNullException)
        {
            var unknownDomain = e.Message.StartsWith("Unknown domain", StringComparison.Ordinal);
            return TypedResults.Problem(e.Message, statusCode: unknownDomain ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest,
                title: unknownDomain ? "Unknown domain" : "Invalid input");
        }
        catch (KeyNotFoundException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }
        catch (TrainingJobStateException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Not possible now");
        }
        catch (ModelUnavailableException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "No model");
        }
        catch (WorkerBusyException e)
        {
            // Back-pressure: the model's queue is full; answered at once, with when to come back.
            context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy");
        }
    }
}
