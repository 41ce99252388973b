using System.Globalization;
using Analytics.Models.Scoring;
using Spectre.Console;

namespace Analytics.Cli.Printing;

/// <summary>Prints the model stage's outcome: what each model did and how good it is.</summary>
internal static class ModelReport
{
    /// <summary>Prints what each model did and how good it is, then where the scores went.</summary>
    public static void Print(IAnsiConsole console, ModelStageResult result)
    {
        var table = new Table().AddColumns("model", "version", "", "rows scored", "evaluation");
        foreach (var model in result.Models)
        {
            if (model.Skipped is not null)
            {
                table.AddRow(Markup.Escape(model.Model), string.Empty, "[yellow]skipped[/]", "0", Markup.Escape(model.Skipped));
                continue;
            }

            table.AddRow(
                Markup.Escape(model.Model),
                Markup.Escape(model.Version),
                model.Trained ? "trained" : "loaded",
                model.RowsScored.ToString("N0", CultureInfo.InvariantCulture),
                Markup.Escape(Headline(model)) + (model.IsThin ? " [yellow](thin data)[/]" : string.Empty));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"snapshot {result.SnapshotDate:yyyy-MM-dd}, run {result.RunId}: scored in {result.Elapsed.TotalSeconds:0.0} s into {result.WarehousePath}");
    }

    /// <summary>The figures a reader checks first, from the model file's metrics.</summary>
    public static string Headline(ModelOutcome model)
    {
        var m = model.Metrics;
        var parts = new List<string>();
        void Add(string key, string label, string format)
        {
            if (m.TryGetValue(key, out var value) && double.IsFinite(value))
            {
                parts.Add(label + " " + value.ToString(format, CultureInfo.InvariantCulture));
            }
        }

        Add("auc", "AUC", "0.000");
        Add("brier", "Brier", "0.000");
        Add("max_calibration_gap_pp", "max calibration gap (pp)", "0.0");
        Add("mape", "MAPE", "0.0'%'");
        Add("naive_mape", "naive MAPE", "0.0'%'");
        Add("training_outcomes", "outcomes", "N0");
        return parts.Count == 0 ? "not evaluated" : string.Join(", ", parts);
    }
}
