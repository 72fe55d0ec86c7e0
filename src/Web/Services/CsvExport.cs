using System.Globalization;
using System.Text;
using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Web.Services;

/// <summary>The host's CSV download for any domain: one row per item with its name, text, validity and properties.</summary>
public static class CsvExport
{
    /// <summary>CSV with a header (<c>name</c>, the domain's item field, <c>valid</c>, then every property key seen) and UTF-8 bytes.</summary>
    public static byte[] Write(IDomainModule domain, IReadOnlyList<ExportItem> items)
    {
        var keys = domain.Properties.Definitions.Select(d => d.Key)
            .Concat(items.SelectMany(i => i.Properties.Keys)).Distinct().ToList();
        var text = new StringBuilder();
        text.AppendJoin(',', new[] { "name", domain.ItemField, "valid" }.Concat(keys).Select(Field)).Append('\n');
        foreach (var item in items)
        {
            var values = keys.Select(k => item.Properties.TryGetValue(k, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : "");
            text.AppendJoin(',', new[] { item.Name, item.Text, item.Valid ? "true" : "false" }.Concat(values).Select(Field)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A CSV field, quoted when it holds a comma, quote or line break.</summary>
    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
