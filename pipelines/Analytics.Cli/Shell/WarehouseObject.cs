namespace Analytics.Cli.Shell;

/// <summary>A table or view the sql shell can show.</summary>
/// <param name="InWarehouse">Whether it is in the warehouse's own database (not temp, not another attached one).</param>
/// <param name="Database">DuckDB's database name (the warehouse's is its file name; "temp" for temporary objects).</param>
/// <param name="Schema">The schema.</param>
/// <param name="Name">The table or view name.</param>
/// <param name="Kind">"table" or "view".</param>
/// <param name="Temporary">Created with <c>create temp ...</c> in this session.</param>
internal sealed record WarehouseObject(bool InWarehouse, string Database, string Schema, string Name, string Kind, bool Temporary)
{
    /// <summary>How the shell names it: schema.name in the warehouse, temp.name, or database.schema.name.</summary>
    public string DisplayName => $"{Group}.{Name}";

    /// <summary>What it is listed under: its schema, "temp", or database.schema.</summary>
    public string Group => InWarehouse ? Schema : Temporary ? "temp" : $"{Database}.{Schema}";
}
