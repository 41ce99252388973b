using System.Text.Json;
using Analytics.TestSupport.Salesforce.Soql;

namespace Analytics.TestSupport.Salesforce;

/// <summary>Writes a row as Salesforce's REST JSON: attributes, selected fields, nested parent objects (null when the reference is null).</summary>
internal static class RecordJson
{
    /// <summary>Writes <paramref name="row"/> of <paramref name="table"/> with <paramref name="paths"/> (split at dots); callers hold the org's lock.</summary>
    public static void Write(Utf8JsonWriter w, SalesforceOrg org, string apiVersion, SObjectTable table, object?[] row, IReadOnlyList<string[]> paths)
    {
        w.WriteStartObject();
        w.WriteStartObject("attributes");
        w.WriteString("type", table.Name);
        w.WriteString("url", $"/services/data/v{apiVersion}/sobjects/{table.Name}/{row[0]}");
        w.WriteEndObject();
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths)
        {
            if (!done.Add(path[0]))
            {
                continue;
            }

            if (path.Length == 1)
            {
                var index = table.IndexOf(path[0]);
                w.WritePropertyName(table.Fields[index].Name);
                WriteValue(w, row[index]);
                continue;
            }

            var reference = table.Relationship(path[0])!;
            var children = paths.Where(p => p.Length > 1 && p[0].Equals(path[0], StringComparison.OrdinalIgnoreCase)).Select(p => p[1..]).ToList();
            w.WritePropertyName(reference.RelationshipName!);
            var parentTable = org.Find(reference.ReferenceTo!);
            if (row[table.IndexOf(reference.Name)] is string id && parentTable?.Row(id) is { } parent)
            {
                Write(w, org, apiVersion, parentTable, parent, children);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case DateTime d: w.WriteStringValue(SoqlValues.JsonDateTime(d)); break;
            case DateOnly d: w.WriteStringValue(SoqlValues.Date(d)); break;
            case bool b: w.WriteBooleanValue(b); break;
            case decimal m: w.WriteNumberValue(m); break;
            case long l: w.WriteNumberValue(l); break;
            default: w.WriteStringValue(SoqlValues.Csv(value)); break;
        }
    }
}
