using System.Globalization;
using System.Text;
using Analytics.Cli.Results;
using DuckDB.NET.Data;

namespace Analytics.Cli.Shell;

/// <summary>
/// The sql shell's dot-commands, recognised on a line that starts a new statement: <c>.tables</c>, <c>.schema</c>,
/// <c>.mode</c>, <c>.output</c>, <c>.maxrows</c>, <c>.csvguard</c>, <c>.help</c>, <c>.quit</c> / <c>.exit</c>. What they print goes where
/// the session's messages go; a bad one prints <c>error: ...</c> and counts as a failure, like a failed statement.
/// </summary>
internal sealed class DotCommands(SqlSession session, DuckDBConnection connection, Func<int> width)
{
    /// <summary>The commands, as the help and the unknown-command error list them.</summary>
    public static readonly IReadOnlyList<string> Names = [".tables", ".schema", ".mode", ".output", ".maxrows", ".csvguard", ".help", ".quit", ".exit"];

    /// <summary>Whether <paramref name="line"/> is <c>.quit</c> or <c>.exit</c> (which history does not record).</summary>
    public static bool IsQuit(string line) => Parse(line).Name is ".quit" or ".exit";

    /// <summary>Runs the dot-command on <paramref name="line"/>; false when it ends the shell.</summary>
    public bool Execute(string line)
    {
        var (name, argument) = Parse(line);
        try
        {
            switch (name)
            {
                case ".quit" or ".exit":
                    return false;
                case ".tables":
                    session.Say(WarehouseObjects.Layout(WarehouseObjects.List(connection), width()));
                    break;
                case ".schema":
                    session.Say(Schema(argument ?? throw new DotCommandException("usage: .schema TABLE (schema.name, or a name unique across schemas)")));
                    break;
                case ".mode":
                    Mode(argument);
                    break;
                case ".output":
                    session.SetOutput(argument);
                    break;
                case ".maxrows":
                    MaxRows(argument);
                    break;
                case ".csvguard":
                    CsvGuard(argument);
                    break;
                case ".help":
                    session.Say(Help());
                    break;
                default:
                    throw new DotCommandException($"unknown command '{name}'; the commands are {string.Join(", ", Names)} (.help explains them).");
            }
        }
        catch (Exception e) when (e is DotCommandException or DuckDBException or IOException)
        {
            session.Fail(e.Message);
        }

        return true;
    }

    /// <summary>The help text of the shell.</summary>
    public string Help() => $"""
        Statements end with ';' at the end of a line and may span lines; several on one line run one after another.
        .tables               the tables and views, by schema
        .schema TABLE         a table's columns, types and descriptions (schema.name, or a name unique across schemas)
        .mode table|csv|json  how results are written (now: {session.Mode.ToString().ToLowerInvariant()}); csv and json write every row
        .output [FILE]        results to FILE, created or truncated; without FILE back to stdout (now: {session.Destination})
        .maxrows N            at most N rows of a result in table mode (now: {session.MaxRows})
        .csvguard on|off      csv text cells starting with = + - @ tab or CR get a leading ' (now: {OnOff(session.GuardCsvFormulas)})
        .help                 this list
        .quit, .exit          leave (or Ctrl+D on an empty line)
        The warehouse is read-only: temp tables and views (create temp table ...) work and vanish when the shell ends.
        """;

    private static (string Name, string? Argument) Parse(string line)
    {
        var text = line.Trim().TrimEnd(';').TrimEnd();
        var space = text.IndexOfAny([' ', '\t']);
        var name = (space < 0 ? text : text[..space]).ToLowerInvariant();
        var argument = space < 0 ? null : Unquote(text[(space + 1)..].Trim());
        return (name, string.IsNullOrEmpty(argument) ? null : argument);
    }

    /// <summary>An argument in matching single or double quotes (a path with spaces) without them.</summary>
    private static string Unquote(string argument) =>
        argument.Length >= 2 && argument[0] is '\'' or '"' && argument[^1] == argument[0] ? argument[1..^1] : argument;

    private string Schema(string name)
    {
        var table = WarehouseObjects.Find(connection, name);
        var columns = WarehouseObjects.ColumnsOf(connection, table);
        var text = new StringBuilder();
        var description = WarehouseObjects.Description(connection, table);
        text.Append(CultureInfo.InvariantCulture, $"{table.DisplayName} ({(table.Temporary ? "temporary " : string.Empty)}{table.Kind}, {columns.Count} column(s))");
        text.AppendLine(description is null ? string.Empty : ": " + description);
        var nameWidth = Math.Max("column".Length, columns.Max(c => c.Name.Length));
        var typeWidth = Math.Max("type".Length, columns.Max(c => c.Type.Length));
        var described = columns.Any(c => c.Description is not null);
        text.AppendLine(("  " + "column".PadRight(nameWidth) + "  " + "type".PadRight(typeWidth) + (described ? "  description" : string.Empty)).TrimEnd());
        foreach (var (column, type, about) in columns)
        {
            text.AppendLine(("  " + column.PadRight(nameWidth) + "  " + type.PadRight(typeWidth) + "  " + about).TrimEnd());
        }

        return text.ToString().TrimEnd('\n');
    }

    private void Mode(string? argument)
    {
        if (argument is null)
        {
            session.Say($"mode: {session.Mode.ToString().ToLowerInvariant()}");
            return;
        }

        session.Mode = argument.ToLowerInvariant() switch
        {
            "table" => ResultMode.Table,
            "csv" => ResultMode.Csv,
            "json" => ResultMode.Json,
            _ => throw new DotCommandException($".mode takes table, csv or json, not '{argument}'."),
        };
    }

    private void MaxRows(string? argument)
    {
        if (argument is null)
        {
            session.Say($"maxrows: {session.MaxRows}");
            return;
        }

        if (!int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var rows) || rows < 1)
        {
            throw new DotCommandException($".maxrows takes a whole number of at least 1, not '{argument}'.");
        }

        session.MaxRows = rows;
    }

    private void CsvGuard(string? argument)
    {
        if (argument is null)
        {
            session.Say($"csvguard: {OnOff(session.GuardCsvFormulas)}");
            return;
        }

        session.GuardCsvFormulas = argument.ToLowerInvariant() switch
        {
            "on" => true,
            "off" => false,
            _ => throw new DotCommandException($".csvguard takes on or off, not '{argument}'."),
        };
    }

    private static string OnOff(bool on) => on ? "on" : "off";
}
