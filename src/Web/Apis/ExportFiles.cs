using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Services;

namespace LatentWorkbench.Web.Apis;

/// <summary>Turns items into a download: the host's CSV, or one of the domain's own formats.</summary>
public static class ExportFiles
{
    /// <summary>The file of <paramref name="items"/> in <paramref name="format"/> (<c>csv</c> or a domain format id), named after <paramref name="stem"/>.</summary>
    public static IResult Of(IDomainModule domain, string? format, IReadOnlyList<ExportItem> items, string stem)
    {
        format = string.IsNullOrWhiteSpace(format) ? "csv" : format.ToLowerInvariant();
        if (format == "csv") return TypedResults.File(CsvExport.Write(domain, items), "text/csv", $"{stem}.csv");
        var formats = domain.Files?.ExportFormats ?? [];
        var chosen = formats.FirstOrDefault(f => f.Id == format)
            ?? throw new ItemInputException($"format must be csv{string.Concat(formats.Select(f => $" or {f.Id}"))} (got '{format}')");
        return TypedResults.File(domain.Files!.Export(chosen.Id, items), chosen.ContentType, stem + chosen.Extension);
    }

    /// <summary>Points as export items named by their position.</summary>
    public static IReadOnlyList<ExportItem> FromPoints(IEnumerable<LatentPoint> points) =>
        points.Select((p, i) => new ExportItem($"point-{i + 1:00}", p.Text, p.Valid, p.Properties)).ToList();
}
