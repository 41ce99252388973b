using System.CommandLine;
using Analytics.Cli.Notebooks;
using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics notebook run [PATH...]</c>: runs the SQL cells of analyst notebooks and writes their results back.</summary>
internal static class NotebookCommand
{
    /// <summary>Where notebooks are looked for when no path is given (relative to the current directory).</summary>
    public const string DefaultFolder = "notebooks";

    public static Command Create(CommandContext context)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = $"Notebooks (.ipynb) or folders of them. Default: every notebook in {DefaultFolder}/.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var run = new Command("run", "Run each notebook's SQL cells in order against the warehouse (read-only, one session per notebook) "
            + "and write every result back into its cell as an HTML table and a plain-text table (the first "
            + $"{ResultOutput.MaxRows} rows, all counted). A failing cell fails the command with the cell number and DuckDB's message "
            + "and leaves that notebook unchanged; the other notebooks still run.")
        {
            paths,
        };
        run.SetAction(parsed =>
        {
            var config = context.LoadConfig(parsed);
            List<string> files;
            try
            {
                files = Resolve(parsed.GetValue(paths) ?? []);
            }
            catch (NotebookException e)
            {
                context.Console.Markup("[red]error:[/] ");
                context.Console.Profile.Out.Writer.WriteLine(e.Message);
                return ExitCodes.BadUsage;
            }

            var failures = 0;
            foreach (var file in files)
            {
                try
                {
                    var notebook = Notebook.Load(file);
                    using var connection = QueryTable.OpenWarehouse(config);
                    var summary = NotebookRunner.Run(notebook, connection);
                    context.Console.MarkupLineInterpolated($"[green]ran[/] {file}: {summary.SqlCells} SQL cell(s), {summary.Results} result(s), {summary.Elapsed.TotalSeconds:0.0} s; outputs written");
                }
                catch (NotebookException e)
                {
                    failures++;
                    context.Console.Markup("[red]error:[/] ");
                    context.Console.Profile.Out.Writer.WriteLine(e.Message + " (the notebook was left unchanged)");
                }
            }

            context.Console.MarkupLineInterpolated($"{files.Count - failures} of {files.Count} notebook(s) ran");
            return failures == 0 ? ExitCodes.Success : ExitCodes.RunFailed;
        });
        return new Command("notebook", "Analyst notebooks (Jupyter .ipynb whose code cells are DuckDB SQL over the warehouse).")
        {
            run,
        };
    }

    /// <summary>The notebook files named by <paramref name="paths"/> (folders expand to their .ipynb files, sorted).</summary>
    private static List<string> Resolve(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            if (!Directory.Exists(DefaultFolder))
            {
                throw new NotebookException($"{Path.GetFullPath(DefaultFolder)}: no notebooks folder here; name the notebooks to run.");
            }

            paths = [DefaultFolder];
        }

        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, "*.ipynb").Order(StringComparer.Ordinal).ToList();
                files.AddRange(found.Count > 0 ? found : throw new NotebookException($"{path}: no .ipynb notebooks in this folder."));
            }
            else
            {
                files.Add(File.Exists(path) ? path : throw new NotebookException($"{path}: no such notebook."));
            }
        }

        return files;
    }
}
