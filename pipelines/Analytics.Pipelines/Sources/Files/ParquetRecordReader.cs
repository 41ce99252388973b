using System.Globalization;
using Analytics.DuckDb;

namespace Analytics.Pipelines.Sources.Files;

/// <summary>
/// A Parquet file, read through DuckDB and turned back into field texts so that every format passes the same strict
/// field checks. Line numbers are row numbers + 1 (as if the file had a header line), matching CSV numbering.
/// </summary>
internal sealed class ParquetRecordReader : IRawRecordReader
{
    private readonly DuckDbConnection _connection;
    private readonly DuckDbCommand _command;
    private readonly DuckDbDataReader _reader;

    public ParquetRecordReader(string path)
    {
        _connection = new DuckDbConnection("Data Source=:memory:;Threads=1");
        _connection.Open();
        _command = _connection.CreateCommand();
        _command.CommandText = "select * from read_parquet($path)";
        _command.Parameters.Add("path", path);
        try
        {
            _reader = _command.ExecuteReader();
        }
        catch (DuckDbException e)
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
