using System.CommandLine;
using Analytics.Cli.Dictionary;
using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics docs [--output FILE] [--check]</c>: writes the data dictionary (default <c>docs/warehouse.md</c>, from
/// the repository root) from the warehouse's catalog, or with <c>--check</c> writes nothing and exits 1 when the file
/// differs from what the catalog gives, naming the first differing line and the tables and columns that differ.
/// </summary>
internal static class DocsCommand
{
    /// <summary>Where the dictionary goes by default, relative to the current directory (the repository root).</summary>
    public const string DefaultOutput = "docs/warehouse.md";

    /// <summary>How many tables the --check summary names before it counts the rest.</summary>
    private const int SummaryItems = 20;

    public static Command Create(CommandContext context)
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = $"The Markdown file to write (or, with --check, to compare). Default: {DefaultOutput}, from the repository root.",
            DefaultValueFactory = _ => DefaultOutput,
            HelpName = "file",
        };
        var check = new Option<bool>("--check")
        {
            Description = "Write nothing; exit 1, naming what differs, when the file is not what the warehouse's catalog gives.",
        };
        var command = new Command("docs",
            "Generate the data dictionary from the warehouse's catalog (paths.warehouse, opened read-only): every schema, table and view "
            + "with its description, grain, SQL file, lineage both ways, columns with types and descriptions, metrics and data tests, "
            + "all from the YAML of pipelines/transforms/ as the catalog recorded it. "
            + "Definitions only (no row counts, dates or test results), so any warehouse built from the same code gives the same file.")
        {
            output,
            check,
        };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(output)!;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (!Directory.Exists(folder))
            {
                context.Console.MarkupLineInterpolated($"[red]error:[/] {folder}: no such folder; run from the repository root or pass --output.");
                return ExitCodes.BadUsage;
            }

            string page;
            WarehouseDictionary dictionary;
            using (var connection = QueryTable.OpenWarehouse(context.LoadConfig(parsed)))
            {
                dictionary = WarehouseDictionary.Read(connection);
                page = DictionaryMarkdown.Render(dictionary);
            }

            return parsed.GetValue(check) ? Check(context.Console, path, page) : Write(context.Console, path, page, dictionary);
        });
        return command;
    }

    private static int Write(IAnsiConsole console, string path, string page, WarehouseDictionary dictionary)
    {
        File.WriteAllText(path, page);
        var schemas = dictionary.Tables.Select(t => t.Schema).Distinct(StringComparer.Ordinal).Count();
        console.MarkupLineInterpolated(
            $"wrote {path}: {schemas} schemas, {dictionary.Tables.Count} tables and views, {dictionary.Tables.Sum(t => t.Columns.Count):N0} columns, {dictionary.Tables.Sum(t => t.Tests.Count):N0} data tests");
        return ExitCodes.Success;
    }

    private static int Check(IAnsiConsole console, string path, string page)
    {
        if (!File.Exists(path))
        {
            console.MarkupLineInterpolated($"[red]error:[/] {path} does not exist; run `analytics docs` to write it.");
            return ExitCodes.RunFailed;
        }

        var diff = DictionaryDiff.Compare(File.ReadAllText(path), page);
        if (diff is null)
        {
            console.MarkupLineInterpolated($"{path} matches the warehouse's catalog.");
            return ExitCodes.Success;
        }

        console.MarkupLineInterpolated($"[red]error:[/] {path} is out of date with the warehouse's catalog; first difference at line {diff.Line}:");
        console.MarkupLineInterpolated($"  file:    {diff.FileLine ?? "(end of file)"}");
        console.MarkupLineInterpolated($"  catalog: {diff.CatalogLine ?? "(end of page)"}");
        console.MarkupLine("what differs:");
        foreach (var item in diff.Summary.Take(SummaryItems))
        {
            console.MarkupLineInterpolated($"  - {item}");
        }

        if (diff.Summary.Count > SummaryItems)
        {
            console.MarkupLineInterpolated($"  ... and {diff.Summary.Count - SummaryItems} more");
        }

        console.MarkupLine("Run [bold]analytics docs[/] to rewrite it from the catalog.");
        return ExitCodes.RunFailed;
    }
}
