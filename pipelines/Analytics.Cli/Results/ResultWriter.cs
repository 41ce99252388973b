using System.Data.Common;

namespace Analytics.Cli.Results;

/// <summary>Writes the reader's current result in one of the <see cref="ResultMode"/>s.</summary>
internal static class ResultWriter
{
    /// <summary>
    /// Writes the result to <paramref name="writer"/>: a table of at most <paramref name="maxRows"/> rows, or every row as
    /// CSV or JSON, streamed. The writer is not flushed. In CSV, text cells that a spreadsheet would run as formulas get
    /// a leading <c>'</c> unless <paramref name="guardCsvFormulas"/> is false (<see cref="CsvResultWriter"/>).
    /// </summary>
    public static WrittenResult Write(DbDataReader reader, ResultMode mode, TextWriter writer, int maxRows, bool guardCsvFormulas = true) => mode switch
    {
        ResultMode.Table => TableResultWriter.Write(reader, writer, maxRows),
        ResultMode.Csv => All(CsvResultWriter.Write(reader, writer, guardCsvFormulas)),
        ResultMode.Json => All(JsonResultWriter.Write(reader, writer)),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "The result mode is table, csv or json."),
    };

    private static WrittenResult All(long rows) => new(rows, rows);
}
