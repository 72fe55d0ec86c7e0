using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Services;
using LatentWorkbench.Web.Services.Training;

namespace LatentWorkbench.Web.Apis;

/// <summary>Turns user errors into 4xx problem details (never a stack trace).</summary>
public static class ApiErrors
{
    /// <summary>Throws a 400-mapped error with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void Require(bool condition, string message)
    {
        if (!condition) throw new ItemInputException(message);
    }

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
    }
}
