using DuckDB.NET.Data;
using Analytics.Pipelines.Transforms;

namespace Analytics.Orchestration.Runs;

public static partial class RunHistoryTable
{
    /// <summary>
    /// Records both tables in the catalog, described by pipelines/transforms/tables/catalog/runs.yml and run_steps.yml;
    /// no run id: they are reloaded from the run records after every run.
    /// </summary>
    private static void Describe(DuckDBConnection connection)
    {
        CatalogTables.Describe(connection, Runs, [], null);
        CatalogTables.Describe(connection, Steps, [], null);
    }
}
