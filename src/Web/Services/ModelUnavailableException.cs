namespace LatentWorkbench.Web.Services;

/// <summary>A domain has no model to serve.</summary>
public sealed class ModelUnavailableException(string message) : Exception(message);
