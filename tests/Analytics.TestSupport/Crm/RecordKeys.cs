using System.Globalization;
using Analytics.Pipelines.Crm;

namespace Analytics.TestSupport.Crm;

/// <summary>A record's primary key as one string, read through <see cref="ICrmRecord.WriteTo"/> and its schema.</summary>
public static class RecordKeys
{
    public static string Of(ICrmRecord record)
    {
        var values = CollectingRowWriter.ValuesOf(record);
        var columns = record.Schema.Columns.Select(c => c.Name).ToList();
        return string.Join('|', record.Schema.PrimaryKey.Select(key =>
            Convert.ToString(values[columns.IndexOf(key)].Value, CultureInfo.InvariantCulture)));
    }
}
