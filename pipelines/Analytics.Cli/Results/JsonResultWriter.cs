using System.Data.Common;

namespace Analytics.Cli.Results;

/// <summary>
/// A result as one JSON array with one object per row and per line (<c>[\n{...},\n{...}\n]</c>), streamed row by row:
/// keys are the column names, values as <see cref="JsonText"/> writes them.
/// </summary>
internal static class JsonResultWriter
{
    /// <summary>Writes every row of the reader's current result; returns how many there were.</summary>
    public static long Write(DbDataReader reader, TextWriter writer)
    {
        var columns = ResultColumn.Of(reader);
        var keys = columns.Select(c =>
        {
            using var key = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            JsonText.WriteString(key, c.Name);
            return key + ":";
        }).ToArray();
        var utc = columns.Select(c => ExactText.IsUtc(c.DataType)).ToArray();
        writer.Write('[');
        long rows = 0;
        while (reader.Read())
        {
            writer.Write(rows == 0 ? "\n{" : ",\n{");
            for (var i = 0; i < keys.Length; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }

                writer.Write(keys[i]);
                JsonText.WriteValue(writer, reader.IsDBNull(i) ? null : CellValue.Read(reader, i), utc[i]);
            }

            writer.Write('}');
            rows++;
        }

        writer.Write(rows == 0 ? "]\n" : "\n]\n");
        return rows;
    }
}
