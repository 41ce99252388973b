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

    /// <summary>Scores every open partner deal of the warehouse's snapshot into <see cref="ScoresTable"/> and writes the calibration table.</summary>
    /// <returns>Deals scored.</returns>
    public static long Score(ScoringContext context, ModelFile<StalledDealParameters> model)
    {
        var rows = StalledDealRows.Read(context.Connection, context.SnapshotDate, context.SnapshotDate, model.Parameters.HorizonDays, context.Config.Fiscal.YearStartMonth);
        var scored = Write(context.Connection, rows, model, context.ScoredAt, context.Store);
        CatalogTables.Describe(context.Connection, ScoresTable,
            ["staging.opportunities_as_of", "staging.stage_history_as_of", "staging.activities_as_of", "staging.opportunity_partners_as_of", "staging.partners_as_of", "staging.certifications_as_of", "staging.deal_registrations_as_of"],
            context.RunId);
        WriteCalibration(context, model);
        return scored;
    }

    /// <summary>
    /// Scores <paramref name="rows"/> with <paramref name="model"/> and replaces <see cref="ScoresTable"/> with them,
    /// appended through a second connection (the rows may still be streaming from <paramref name="connection"/>).
    /// </summary>
    /// <returns>Rows written.</returns>
    /// <exception cref="ModelFileException">The card names an ML.NET model whose zip is missing or altered.</exception>
    public static long Write(DuckDBConnection connection, IEnumerable<StalledDealRow> rows, ModelFile<StalledDealParameters> model, DateTime scoredAt, ModelStore store)
    {
        connection.Execute("create schema if not exists scores");
        connection.Execute($"""
            create or replace table {ScoresTable} (
                opportunity_id varchar not null, partner_id varchar, snapshot_date date not null, score integer not null,
                probability double not null, reason_1 varchar, reason_2 varchar, reason_3 varchar, is_thin boolean not null,
                model_version varchar not null, scored_at timestamp not null)
            """);
        var classifier = StallClassifier.Load(model.Parameters, store);
        long written = 0;
        using var writer = DuckDbFile.OpenAnother(connection);
        using (var appender = writer.CreateAppender("scores", "stalled_deals"))
        {
            var features = new double[StalledDealFeatures.Count];
            classifier.Score(rows, row => { StalledDealFeatures.Fill(row, features); return features; }, (row, probability, contributions) =>
            {
                var (first, second, third) = StalledDealReasons.Explain(row, contributions);
                appender.CreateRow().AppendValue(row.OpportunityId).AppendValue(row.PartnerId).AppendValue(row.SnapshotDate)
                    .AppendValue((int)Math.Round(probability * 100, MidpointRounding.AwayFromZero)).AppendValue(probability)
                    .AppendValue(first).AppendValue(second).AppendValue(third).AppendValue(model.IsThin).AppendValue(model.Version).AppendValue(scoredAt)
                    .EndRow();
                written++;
            });
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

        CatalogTables.Describe(connection, CalibrationTable, [ScoresTable], context.RunId);
    }
}
