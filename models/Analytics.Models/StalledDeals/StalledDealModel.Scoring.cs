using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;
using Analytics.Models.Scoring;
using Analytics.Pipelines.Transforms;
using Dapper;

namespace Analytics.Models.StalledDeals;

public static partial class StalledDealModel
{
    /// <summary>The table of scores.</summary>
    public const string ScoresTable = "scores.stalled_deals";

    /// <summary>The table of the model's calibration on the later window.</summary>
    public const string CalibrationTable = "scores.stalled_deal_calibration";

    private static readonly Dictionary<string, string> ScoreColumns = new(StringComparer.Ordinal)
    {
        ["opportunity_id"] = "The open partner opportunity scored.",
        ["partner_id"] = "Its primary partner (sourced before influenced, then the largest attribution); null when only the motion marks it a partner deal.",
        ["snapshot_date"] = "The snapshot the deal's features were read from.",
        ["score"] = "Stalled-deal score 0-100: the probability, in percent rounded to a whole number, that the deal neither advances a stage nor closes won within the horizon.",
        ["probability"] = "The same probability unrounded (0-1).",
        ["reason_1"] = "The strongest reason toward stalling, in plain words (per-feature contributions summed per reason); null when nothing pushes toward stalling.",
        ["reason_2"] = "The second strongest reason, or null.",
        ["reason_3"] = "The third strongest reason, or null.",
        ["is_thin"] = "True when the model was trained on fewer outcomes than models.stalled_deal.min_outcomes: scores lean on the prior.",
        ["model_version"] = "The model file that scored it (data/models/stalled_deal/<version>.json).",
        ["scored_at"] = "When the scoring run started (UTC).",
    };

    private static readonly Dictionary<string, string> CalibrationColumns = new(StringComparer.Ordinal)
    {
        ["bin"] = "Decile of score on the later window, 1 = lowest scores.",
        ["lower"] = "Lowest probability in the bin.",
        ["upper"] = "Highest probability in the bin.",
        ["deals"] = "Deal-snapshots in the bin.",
        ["mean_predicted"] = "Mean predicted probability of stalling in the bin.",
        ["observed_rate"] = "Share that actually stalled within the horizon.",
        ["model_version"] = "The model file evaluated.",
    };

    /// <summary>Scores every open partner deal of the warehouse's snapshot into <see cref="ScoresTable"/> and writes the calibration table.</summary>
    /// <returns>Deals scored.</returns>
    public static long Score(ScoringContext context, ModelFile<StalledDealParameters> model)
    {
        var rows = StalledDealRows.Read(context.Connection, context.SnapshotDate, context.SnapshotDate, model.Parameters.HorizonDays, context.Config.Fiscal.YearStartMonth);
        var scored = Write(context.Connection, rows, model, context.ScoredAt);
        CatalogTables.Describe(context.Connection, ScoresTable,
            "Stalled-deal scores of the open partner opportunities in the snapshot, with the three strongest reasons (DOMAIN.md \"Scores and forecasts\"; docs/models.md).",
            "one row per open partner opportunity", ["staging.opportunities_as_of", "staging.stage_history_as_of", "staging.activities_as_of", "staging.opportunity_partners_as_of", "staging.partners_as_of", "staging.certifications_as_of", "staging.deal_registrations_as_of"],
            ScoreColumns, context.RunId);
        WriteCalibration(context, model);
        return scored;
    }

    /// <summary>
    /// Scores <paramref name="rows"/> with <paramref name="model"/> and replaces <see cref="ScoresTable"/> with them,
    /// appended through a second connection (the rows may still be streaming from <paramref name="connection"/>).
    /// </summary>
    /// <returns>Rows written.</returns>
    public static long Write(DuckDBConnection connection, IEnumerable<StalledDealRow> rows, ModelFile<StalledDealParameters> model, DateTime scoredAt)
    {
        connection.Execute("create schema if not exists scores");
        connection.Execute($"""
            create or replace table {ScoresTable} (
                opportunity_id varchar not null, partner_id varchar, snapshot_date date not null, score integer not null,
                probability double not null, reason_1 varchar, reason_2 varchar, reason_3 varchar, is_thin boolean not null,
                model_version varchar not null, scored_at timestamp not null)
            """);
        var classifier = new StallClassifier(model.Parameters);
        var features = new double[StalledDealFeatures.Count];
        var contributions = new double[StalledDealFeatures.Count];
        long written = 0;
        using var writer = DuckDbFile.OpenAnother(connection);
        using (var appender = writer.CreateAppender("scores", "stalled_deals"))
        {
            foreach (var row in rows)
            {
                StalledDealFeatures.Fill(row, features);
                var probability = classifier.Probability(features);
                classifier.Contributions(features, contributions);
                var (first, second, third) = StalledDealReasons.Explain(row, contributions);
                appender.CreateRow().AppendValue(row.OpportunityId).AppendValue(row.PartnerId).AppendValue(row.SnapshotDate)
                    .AppendValue((int)Math.Round(probability * 100, MidpointRounding.AwayFromZero)).AppendValue(probability)
                    .AppendValue(first).AppendValue(second).AppendValue(third).AppendValue(model.IsThin).AppendValue(model.Version).AppendValue(scoredAt)
                    .EndRow();
                written++;
            }
        }

        return written;
    }

    private static void WriteCalibration(ScoringContext context, ModelFile<StalledDealParameters> model)
    {
        var connection = context.Connection;
        connection.Execute($"""
            create or replace table {CalibrationTable} (
                bin integer not null, lower double not null, upper double not null, deals bigint not null,
                mean_predicted double not null, observed_rate double not null, model_version varchar not null)
            """);
        foreach (var bin in model.Parameters.Calibration)
        {
            WarehouseSql.Execute(connection, $"insert into {CalibrationTable} values ($bin, $lower, $upper, $deals, $predicted, $observed, $version)",
                ("bin", bin.Bin), ("lower", bin.Lower), ("upper", bin.Upper), ("deals", bin.Count), ("predicted", bin.MeanPredicted), ("observed", bin.ObservedRate), ("version", model.Version));
        }

        CatalogTables.Describe(connection, CalibrationTable,
            "The stalled-deal model's calibration on the later window it was evaluated on: predicted vs observed stall rate per decile of score.",
            "one row per decile of score", [ScoresTable], CalibrationColumns, context.RunId);
    }
}
