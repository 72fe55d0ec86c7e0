using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Web.Services.Training;

/// <summary>A training data set the server offers: a file or a folder (e.g. of MIDI files) under a data root.</summary>
/// <param name="Name">Path relative to its root, as shown and as accepted back.</param>
/// <param name="Path">Full path.</param>
/// <param name="IsFolder">Whether it is a folder.</param>
/// <param name="Bytes">Size (of a file; of all files for a folder, counted to a limit).</param>
public sealed record DataSetEntry(string Name, string Path, bool IsFolder, long Bytes);

/// <summary>
/// Where background training reads and writes: the data roots a job may read from (<c>Training:DataRoots</c>, default
/// <c>App_Data/datasets</c>; uploads land in its <c>uploads</c> folder) and the folder new checkpoints go to
/// (<c>Training:ModelsFolder</c>, default <c>App_Data/models</c>, one subfolder per domain). Paths outside the data
/// roots are refused, so the web UI cannot be used to read arbitrary server files.
/// </summary>
public sealed class TrainingFolders
{
    /// <summary>Default largest upload (the multipart reader's own limit).</summary>
    public const long DefaultMaxUploadBytes = 128L * 1024 * 1024;

    private const int MaxListed = 500;

    /// <summary>Reads the folders from <paramref name="configuration"/>, relative paths against the content root.</summary>
    public TrainingFolders(IConfiguration configuration, IHostEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var contentRoot = environment?.ContentRootPath ?? Directory.GetCurrentDirectory();
        var roots = configuration.GetSection("Training:DataRoots").GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).ToList();
        if (configuration["Training:DataRoots"] is { Length: > 0 } single) roots.Add(single);
        if (roots.Count == 0) roots.Add(System.IO.Path.Combine("App_Data", "datasets"));
        DataRoots = roots.Select(r => System.IO.Path.GetFullPath(r, contentRoot)).Distinct().ToArray();
        ModelsRoot = System.IO.Path.GetFullPath(configuration["Training:ModelsFolder"] is { Length: > 0 } m ? m : System.IO.Path.Combine("App_Data", "models"), contentRoot);
        MaxUploadBytes = long.TryParse(configuration["Training:MaxUploadBytes"], out var max) && max > 0 ? max : DefaultMaxUploadBytes;
    }

    /// <summary>Folders training data may come from; the first one receives uploads.</summary>
    public IReadOnlyList<string> DataRoots { get; }

    /// <summary>Folder under which each domain's new checkpoints are written.</summary>
    public string ModelsRoot { get; }

    /// <summary>Largest upload accepted, in bytes.</summary>
    public long MaxUploadBytes { get; }

    /// <summary>Where uploads are saved.</summary>
    public string UploadsFolder => System.IO.Path.Combine(DataRoots[0], "uploads");

    /// <summary>The checkpoint folder a job named <paramref name="name"/> of <paramref name="domain"/> writes.</summary>
    public string ModelFolder(string domain, string name) => System.IO.Path.Combine(ModelsRoot, domain, name);

    /// <summary>The folder holding <paramref name="domain"/>'s trained checkpoints.</summary>
    public string DomainModels(string domain) => System.IO.Path.Combine(ModelsRoot, domain);

    /// <summary>
    /// The full path of a data set named absolutely or relative to a data root; throws <see cref="ItemInputException"/>
    /// when it is outside every root or does not exist.
    /// </summary>
    public string ResolveData(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ItemInputException("Choose a data set.");
        var candidates = System.IO.Path.IsPathRooted(path) ? [System.IO.Path.GetFullPath(path)] : DataRoots.Select(r => System.IO.Path.GetFullPath(path, r));
        foreach (var full in candidates)
        {
            if (!Inside(full)) continue;
            if (File.Exists(full) || Directory.Exists(full)) return full;
        }
        if (!candidates.Any(Inside))
            throw new ItemInputException($"'{path}' is outside the data folders ({string.Join(", ", DataRoots)}); put the data there or upload it.");
        throw new ItemInputException($"There is no data set '{path}' in the data folders.");
    }

    /// <summary>The files and folders directly under each data root (and each upload), names relative to their root.</summary>
    public IReadOnlyList<DataSetEntry> List()
    {
        var entries = new List<DataSetEntry>();
        foreach (var root in DataRoots.Where(Directory.Exists))
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(root).Order(StringComparer.Ordinal))
            {
                if (System.IO.Path.GetFullPath(path) == UploadsFolder)
                    entries.AddRange(Directory.EnumerateFileSystemEntries(path).Order(StringComparer.Ordinal).Select(p => Entry(root, p)));
                else
                    entries.Add(Entry(root, path));
                if (entries.Count >= MaxListed) return entries;
            }
        }
        return entries;
    }

    /// <summary>
    /// Saves uploaded files: one file becomes a data file, several become one folder (e.g. MIDI files). Names are reduced
    /// to safe file names; the upload gets its own timestamped name so nothing is overwritten. Returns the saved path.
    /// Throws <see cref="ItemInputException"/> for no files or more than <see cref="MaxUploadBytes"/> in all.
    /// </summary>
    public async Task<string> SaveUploadAsync(IReadOnlyList<(string Name, Func<long, Stream> Open)> files, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0) throw new ItemInputException("Upload at least one file.");
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        Directory.CreateDirectory(UploadsFolder);
        var target = files.Count == 1
            ? Unique(System.IO.Path.Combine(UploadsFolder, $"{stamp}-{SafeName(files[0].Name)}"))
            : Unique(System.IO.Path.Combine(UploadsFolder, $"{stamp}-{SafeName(System.IO.Path.GetFileNameWithoutExtension(files[0].Name))}-and-{files.Count - 1}-more"));
        var temporary = target + ".partial";
        try
        {
            long budget = MaxUploadBytes;
            if (files.Count == 1)
            {
                budget -= await CopyAsync(files[0].Open, temporary, budget, cancellation);
                File.Move(temporary, target);
            }
            else
            {
                Directory.CreateDirectory(temporary);
                foreach (var (name, open) in files)
                    budget -= await CopyAsync(open, Unique(System.IO.Path.Combine(temporary, SafeName(name))), budget, cancellation);
                Directory.Move(temporary, target);
            }
            return target;
        }
        catch
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
            throw;
        }
    }

    private bool Inside(string full) => DataRoots.Any(root =>
        full.StartsWith(root.EndsWith(System.IO.Path.DirectorySeparatorChar) ? root : root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private static async Task<long> CopyAsync(Func<long, Stream> open, string path, long budget, CancellationToken cancellation)
    {
        await using var source = open(budget);
        await using var target = File.Create(path);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellation)) > 0)
        {
            total += read;
            if (total > budget) throw new ItemInputException($"The upload is larger than {budget / (1024 * 1024)} MiB.");
            await target.WriteAsync(buffer.AsMemory(0, read), cancellation);
        }
        return total;
    }

    private static DataSetEntry Entry(string root, string path)
    {
        var isFolder = Directory.Exists(path);
        long bytes = isFolder
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Take(100_000).Sum(f => new FileInfo(f).Length)
            : new FileInfo(path).Length;
        return new DataSetEntry(System.IO.Path.GetRelativePath(root, path), path, isFolder, bytes);
    }

    private static string SafeName(string name)
    {
        var file = System.IO.Path.GetFileName(name.Replace('\\', '/'));
        var safe = new string(file.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).TrimStart('.');
        return safe.Length == 0 ? "data" : safe.Length > 80 ? safe[^80..] : safe;
    }

    private static string Unique(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) return path;
        var folder = System.IO.Path.GetDirectoryName(path)!;
        var stem = System.IO.Path.GetFileNameWithoutExtension(path);
        var extension = System.IO.Path.GetExtension(path);
        for (int i = 2; ; i++)
        {
            var candidate = System.IO.Path.Combine(folder, $"{stem}-{i}{extension}");
            if (!File.Exists(candidate) && !Directory.Exists(candidate)) return candidate;
        }
    }
}
