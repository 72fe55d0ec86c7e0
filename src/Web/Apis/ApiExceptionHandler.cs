using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace LatentWorkbench.Web.Apis;

/// <summary>
/// Answers every failure under <c>/api</c> with problem details: a body that cannot be read (malformed JSON, a field
/// missing or of the wrong type, a number out of range) is a 400 that says where, anything unexpected a 500 without
/// internals (the log has them). Pages keep the host's error page.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    /// <inheritdoc/>
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!context.Request.Path.StartsWithSegments("/api") || context.Response.HasStarted) return false;
        var (status, title, detail) = exception is BadHttpRequestException bad
            ? (bad.StatusCode, "Invalid request", Describe(bad))
            : (StatusCodes.Status500InternalServerError, "Internal error", "The server could not complete the request; its log has the details.");
        if (status >= 500) log.LogError(exception, "Unhandled error in {Method} {Path}", context.Request.Method, context.Request.Path);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>What was wrong with the request, and where in its body.</summary>
    private static string Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is not JsonException json) return bad.Message;
        var where = json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})" : "";
        const string missing = "missing required properties including: ";
        if (json.InnerException is JsonException) return $"The body is not well-formed JSON{where}.";
        if (json.Message.IndexOf(missing, StringComparison.Ordinal) is var at and >= 0)
            return $"The body lacks required fields: {json.Message[(at + missing.Length)..].TrimEnd('.')}.";
        return $"The value at {json.Path} has the wrong type or is out of range{where}.";
    }
}
