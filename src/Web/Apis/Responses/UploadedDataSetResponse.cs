namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>Where an upload was saved.</summary>
/// <param name="Name">Its path relative to the first data folder.</param>
/// <param name="Path">Its full path, as a training job's <c>data</c> takes it.</param>
/// <param name="Folder">Whether it became a folder (several files were sent).</param>
public sealed record UploadedDataSetResponse(string Name, string Path, bool Folder);
