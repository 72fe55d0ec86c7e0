namespace LatentWorkbench.Domains.Molecules.Tests.Chemistry;

/// <summary>Rows of a CSV written by the RDKit oracle (reference.py) or by MoleculeDescriber.</summary>
internal static class ReferenceTable
{
    public static List<Dictionary<string, string>> Read(string path) => Parse(File.ReadAllLines(path));

    public static List<Dictionary<string, string>> Parse(IEnumerable<string> lines)
    {
        var rows = new List<Dictionary<string, string>>();
        string[]? header = null;
        foreach (var line in lines)
        {
            if (line.Length == 0) continue;
            var fields = Split(line);
            if (header is null) { header = fields; continue; }
            var row = new Dictionary<string, string>();
            for (int i = 0; i < header.Length; i++) row[header[i]] = i < fields.Length ? fields[i] : "";
            rows.Add(row);
        }
        return rows;
    }

    public static string[] Split(string line)
    {
        var fields = new List<string>();
        var cur = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cur.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cur.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(cur.ToString()); cur.Clear(); }
            else cur.Append(c);
        }
        fields.Add(cur.ToString());
        return fields.ToArray();
    }
}
