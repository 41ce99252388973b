using Analytics.Pipelines.Warehouse;
using System.Globalization;
using DuckDB.NET.Data;

namespace Analytics.Pipelines.Sources.Files;

/// <summary>
/// A Parquet file, read through DuckDB and turned back into field texts so that every format passes the same strict
/// field checks. Line numbers are row numbers + 1 (as if the file had a header line), matching CSV numbering.
/// </summary>
internal sealed class ParquetRecordReader : IRawRecordReader
{
    private readonly DuckDBConnection _connection;
    private readonly DuckDBCommand _command;
    private readonly DuckDBDataReader _reader;

    public ParquetRecordReader(string path)
    {
        _connection = DuckDbFile.OpenInMemory(("threads", 1));
        _command = _connection.CreateCommand();
        _command.CommandText = "select * from read_parquet($path)";
        _command.UseStreamingMode = true; // a file of any size is read chunk by chunk
        _command.Parameters.Add(new DuckDBParameter("path", path));
        try
        {
            _reader = _command.ExecuteReader();
        }
        catch (DuckDBException e)
        {
            Dispose();
            throw new InvalidDataException($"{Path.GetFileName(path)}: not a readable Parquet file: {e.Message}");
        }

        Header = Enumerable.Range(0, _reader.FieldCount).Select(_reader.GetName).ToList();
    }

    public IReadOnlyList<string> Header { get; }

    public IEnumerable<RawRecord> Records()
    {
        long line = 1;
        while (_reader.Read())
        {
            line++;
            var fields = new string?[Header.Count];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = _reader.IsDBNull(i) ? null : Text(_reader.GetValue(i));
            }

            yield return new RawRecord(line, fields);
        }
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _command?.Dispose();
        _connection.Dispose();
    }

    private static string Text(object value) => value switch
    {
        DateTime v => v.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateOnly v => v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool v => v ? "true" : "false",
        IFormattable v => v.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
