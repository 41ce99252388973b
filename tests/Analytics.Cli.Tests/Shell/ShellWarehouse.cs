using Analytics.Pipelines.Warehouse;
using System.Security.Cryptography;
using DuckDB.NET.Data;
using Analytics.TestSupport.Files;

namespace Analytics.Cli.Tests.Shell;

/// <summary>
/// A small real warehouse file in a temp folder, with a pipeline.yaml pointing at it: marts.deals (every kind of value
/// the writers handle: text with commas, quotes and line breaks, decimals, dates, timestamps, lists, nulls), a view, a
/// table of 250 numbers, staging.deals (so a bare "deals" is ambiguous) and catalog.columns / catalog.models.
/// </summary>
public sealed class ShellWarehouse : IDisposable
{
    public ShellWarehouse()
    {
        Warehouse = Directory.Combine("warehouse", "analytics.duckdb");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Warehouse)!);
        using (var connection = DuckDbFile.Open(Warehouse))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                create schema marts;
                create schema staging;
                create schema catalog;
                create table marts.deals (
                    deal_id varchar, partner varchar, arr decimal(18,2), closed_on date, closed_at timestamp, score double,
                    tags varchar[], counts integer[], note varchar, won boolean, n bigint);
                insert into marts.deals values
                    ('D1', 'Acme, Inc.', 12000.50, date '2026-01-31', timestamp '2026-01-31 10:15:00', 0.25, ['a', 'b'], [1, null, 3], 'said "hi"' || chr(10) || 'then left', true, 1),
                    ('D2', null, null, null, null, null, null, null, '', false, 2),
                    ('D3', 'Zeta', 0.10, date '2026-11-21', timestamp '2026-11-21 00:00:00.123456', -1.5e10, [], [], 'été; ünïcode', null, 9007199254740993);
                create view marts.deals_won as select deal_id, arr from marts.deals where won;
                create table marts.numbers as select range as i from range(250);
                create table staging.deals as select deal_id from marts.deals;
                create table catalog.columns (model_name varchar, schema_name varchar, table_name varchar, column_name varchar, ordinal integer, data_type varchar, description varchar);
                insert into catalog.columns values
                    ('marts.deals', 'marts', 'deals', 'deal_id', 1, 'VARCHAR', 'The deal.'),
                    ('marts.deals', 'marts', 'deals', 'arr', 3, 'DECIMAL(18,2)', 'Annual recurring revenue in USD.');
                create table catalog.models (model_name varchar, schema_name varchar, table_name varchar, description varchar);
                insert into catalog.models values ('marts.deals', 'marts', 'deals', 'One row per deal, for the shell tests.');
                """;
            command.ExecuteNonQuery();
        }

        Config = Directory.Combine("pipeline.yaml");
        File.WriteAllText(Config, $"""
            paths:
              warehouse: {Warehouse}
              lake: {Directory.Combine("lake")}
              runs: {Directory.Combine("runs")}
            """);
    }

    public TempDirectory Directory { get; } = new();

    public string Warehouse { get; }

    public string Config { get; }

    /// <summary>The warehouse file's SHA-256, to show a session left it byte-identical.</summary>
    public string Hash() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Warehouse)));

    /// <summary><c>analytics sql</c> with <paramref name="stdin"/> piped in.</summary>
    public (int Code, string Output) Shell(string stdin, params string[] args) => CliRun.Piped(stdin, ["sql", "--config", Config, .. args]);

    /// <summary><c>analytics sql "&lt;query&gt;"</c> with the given options.</summary>
    public (int Code, string Output) Query(string sql, params string[] args) => CliRun.Invoke(["sql", sql, "--config", Config, .. args]);

    public void Dispose() => Directory.Dispose();
}
