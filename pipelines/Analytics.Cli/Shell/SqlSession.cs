using System.Diagnostics;
using System.Globalization;
using Analytics.Cli.Results;
using DuckDB.NET.Data;

namespace Analytics.Cli.Shell;

/// <summary>
/// One read-only connection to the warehouse and the settings statements run with (result mode, max rows, where results
/// go), shared by the one-shot <c>analytics sql "..."</c> and the shell. Each statement runs on its own and an error
/// never stops the next: it is printed as <c>error: ...</c> and counted in <see cref="Failures"/>. Results go to the
/// <see cref="Destination"/>; everything else (a summary line per statement, notices, errors) goes to the console,
/// or to stderr while standard output carries CSV or JSON, so that stays clean data.
/// </summary>
internal sealed class SqlSession : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly TextWriter _console;
    private readonly TextWriter _error;
    private readonly string _database;
    private DuckDBCommand? _running;

    /// <summary>A statement whose outcome is a count of changed rows (after leading comments and blanks).</summary>
    private static readonly System.Text.RegularExpressions.Regex ChangesRows = new(
        @"^(\s|--[^\n]*\n|/\*.*?\*/)*(insert|update|delete)\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>A session over <paramref name="connection"/> (the read-only warehouse <paramref name="warehouse"/>), results to standard output.</summary>
    /// <param name="connection">The warehouse, opened read-only.</param>
    /// <param name="warehouse">The warehouse's path: never a destination for results.</param>
    /// <param name="console">Standard output (the console's writer).</param>
    /// <param name="error">Standard error.</param>
    /// <param name="maxRowsHint">How the user raises the table limit, named in "first N shown (...)".</param>
    public SqlSession(DuckDBConnection connection, string warehouse, TextWriter console, TextWriter error, string maxRowsHint)
    {
        _connection = connection;
        _console = console;
        _error = error;
        Warehouse = warehouse;
        MaxRowsHint = maxRowsHint;
        Destination = ResultDestination.Stdout(console);
        using var command = connection.CreateCommand();
        command.CommandText = "select current_database()";
        _database = (string)command.ExecuteScalar()!;
    }

    /// <summary>The warehouse's path.</summary>
    public string Warehouse { get; }

    /// <summary>How results are written.</summary>
    public ResultMode Mode { get; set; } = ResultMode.Table;

    /// <summary>At most this many rows of a result are printed in table mode (all are counted).</summary>
    public int MaxRows { get; set; } = 100;

    /// <summary>Whether CSV text cells starting with =, +, -, @, tab or CR get a leading ' (on unless --csv-raw or
    /// .csvguard off).</summary>
    public bool GuardCsvFormulas { get; set; } = true;

    /// <summary>How the user raises <see cref="MaxRows"/>: "--max-rows" or ".maxrows".</summary>
    public string MaxRowsHint { get; set; }

    /// <summary>Where results go.</summary>
    public ResultDestination Destination { get; private set; }

    /// <summary>How many statements and commands failed.</summary>
    public int Failures { get; private set; }

    /// <summary>Where messages go now: stderr while standard output carries CSV or JSON, else the console.</summary>
    private TextWriter Messages => Destination.IsStdout && Mode != ResultMode.Table ? _error : _console;

    /// <summary>Runs every statement of <paramref name="text"/> in order.</summary>
    public void RunAll(string text)
    {
        foreach (var statement in SqlText.Split(text))
        {
            Run(statement);
        }
    }

    /// <summary>Runs one statement, writes its results and a summary line; an error is printed and counted.</summary>
    public void Run(string statement)
    {
        if (WarehouseProtection.Refusal(statement) is { } refusal)
        {
            Fail(refusal);
            return;
        }

        var watch = Stopwatch.StartNew();
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = statement;
            command.UseStreamingMode = true; // results of any size flow through in DuckDB's chunks, never whole in memory
            _running = command;
            if (ChangesRows.IsMatch(statement))
            {
                // DuckDB.NET's reader does not report the rows an INSERT/UPDATE/DELETE changed; ExecuteNonQuery does.
                var changed = command.ExecuteNonQuery();
                Say($"{changed:N0} row(s) changed in {Seconds(watch.Elapsed)}");
                return;
            }

            using var reader = command.ExecuteReader();
            var results = 0;
            do
            {
                if (reader.FieldCount == 0)
                {
                    continue;
                }

                var written = ResultWriter.Write(reader, Mode, Destination.Writer, MaxRows, GuardCsvFormulas);
                Destination.Writer.Flush();
                results++;
                Say(Summary(written, watch.Elapsed));
            }
            while (reader.NextResult());

            if (results == 0)
            {
                Say($"ok in {Seconds(watch.Elapsed)}");
            }
        }
        catch (OperationCanceledException)
        {
            Fail("interrupted (Ctrl+C)"); // DuckDB.NET's Cancel interrupts the query (duckdb_interrupt) and throws this
        }
        catch (DuckDBException e)
        {
            Fail(e.Message.StartsWith("INTERRUPT Error", StringComparison.Ordinal) ? "interrupted (Ctrl+C)" : WarehouseProtection.Explain(e.Message, _database));
        }
        catch (Exception e) when (e is NotSupportedException or InvalidCastException or OverflowException or IOException or UnauthorizedAccessException)
        {
            Fail(e.Message); // a type the binding cannot read, or the output file could not be written
        }
        finally
        {
            _running = null;
        }
    }

    /// <summary>Stops the running statement (Ctrl+C), if one runs; called from another thread.</summary>
    public void Interrupt() => _running?.Cancel();

    /// <summary>Sends results to <paramref name="file"/> (created or truncated), or back to standard output when null; says where when <paramref name="announce"/>.</summary>
    /// <exception cref="IOException">The file cannot be written; results keep going where they went.</exception>
    public void SetOutput(string? file, bool announce = true)
    {
        var next = file is null ? ResultDestination.Stdout(_console) : ResultDestination.CreateFile(file, Warehouse);
        Destination.Dispose();
        Destination = next;
        if (announce)
        {
            Say(next.IsStdout ? "results go to stdout" : $"results go to {next.File}");
        }
    }

    /// <summary>Prints a line of information where messages go now.</summary>
    public void Say(string line)
    {
        if (Destination.IsStdout)
        {
            Destination.Writer.Flush(); // results before the line about them
        }

        Messages.WriteLine(line);
        Messages.Flush();
    }

    /// <summary>Prints <c>error: </c><paramref name="message"/> and counts a failure.</summary>
    public void Fail(string message)
    {
        Failures++;
        Say("error: " + message);
    }

    /// <summary>Flushes and closes the output file, if any.</summary>
    public void Dispose() => Destination.Dispose();

    private string Summary(WrittenResult written, TimeSpan elapsed)
    {
        var rows = $"{written.Rows:N0} row(s)";
        var where = Destination.IsStdout ? string.Empty : $" written to {Destination.File}";
        var shown = written.Truncated ? $", first {written.Written:N0} shown ({MaxRowsHint})" : string.Empty;
        return $"{rows}{where} in {Seconds(elapsed)}{shown}";
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
