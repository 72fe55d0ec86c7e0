namespace LatentWorkbench.Core.Domains;

/// <summary>A file written for one item (see <see cref="IItemFiles.Write"/>).</summary>
/// <param name="Name">File name with extension.</param>
/// <param name="ContentType">MIME type (e.g. <c>audio/midi</c>).</param>
/// <param name="Content">The bytes.</param>
public sealed record ItemFile(string Name, string ContentType, byte[] Content);
