using LatentWorkbench.Web.Services.Training;

namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>A training data set (file or folder) in one of the data folders.</summary>
/// <param name="Name">Its path relative to its data folder.</param>
/// <param name="Path">Its full path, as a training job's <c>data</c> takes it.</param>
/// <param name="Folder">Whether it is a folder of files.</param>
/// <param name="Bytes">Its size in bytes.</param>
public sealed record DataSetResponse(string Name, string Path, bool Folder, long Bytes)
{
    /// <summary>The response for <paramref name="d"/>.</summary>
    public static DataSetResponse Of(DataSetEntry d) => new(d.Name, d.Path, d.IsFolder, d.Bytes);
}
