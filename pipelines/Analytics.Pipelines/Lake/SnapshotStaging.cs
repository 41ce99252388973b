using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;
using Analytics.Pipelines.Crm;

namespace Analytics.Pipelines.Lake;

/// <summary>
/// Where one extract collects the CRM before it is published to the lake: one DuckDB table per canonical entity, fed
/// through appenders (records from the demo CRM, typed rows from dropped files), and a quarantine table. It lives in
/// a scratch DuckDB database file in <c>spillFolder</c> with a memory limit, so that memory stays bounded at the
/// 1,000,000-opportunity scale (an in-memory database kept growing past its limit: docs/benchmarks.md).
/// </summary>
public sealed class SnapshotStaging : ICrmRecordSink, IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly Dictionary<string, (DuckDBAppender Appender, AppenderRowWriter Writer)> _entities = new(StringComparer.Ordinal);
    private readonly DuckDBAppender _quarantine;
    private readonly Dictionary<string, long> _quarantined = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<QuarantinedRow>> _samples = new(StringComparer.Ordinal);
    private bool _sealed;

    /// <summary>The DuckDB memory limit of a staging area; beyond it the staged rows spill to its folder.</summary>
    public const string MemoryLimit = "512MB";

    /// <summary>Creates the staging tables.</summary>
    public SnapshotStaging(string spillFolder)
    {
        Directory.CreateDirectory(spillFolder);
        // A file, not :memory:, and a memory limit, so that a large snapshot lives on disk instead of growing with the
        // row count (DuckDB's default limit is 80 % of the machine's memory). docs/benchmarks.md has the figures.
        _connection = DuckDbFile.OpenScratch(Path.Combine(spillFolder, "staging.duckdb"),
            ("temp_directory", spillFolder), ("preserve_insertion_order", true), ("memory_limit", MemoryLimit));
        using var command = _connection.CreateCommand();
        foreach (var entity in CrmSchema.Entities)
        {
            command.CommandText = $"create table \"{entity.Name}\" ({string.Join(", ", entity.Columns.Select(c => $"\"{c.Name}\" {c.DuckDbType}"))})";
            command.ExecuteNonQuery();
            var appender = _connection.CreateAppender(entity.Name);
            _entities[entity.Name] = (appender, new AppenderRowWriter(appender));
            _quarantined[entity.Name] = 0;
            _samples[entity.Name] = [];
        }

        command.CommandText = "create table quarantine(entity varchar, file varchar, line bigint, field varchar, value varchar, reason varchar)";
        command.ExecuteNonQuery();
        _quarantine = _connection.CreateAppender("quarantine");
    }

    /// <summary>The staging database, for publishing (only after <see cref="Seal"/>).</summary>
    internal DuckDBConnection Connection => _sealed ? _connection : throw new InvalidOperationException("Seal the staging area before reading it.");

    /// <summary>Rows staged for landing, per entity.</summary>
    public long Landed(string entity) => _entities[entity].Writer.Rows;

    /// <summary>Rows quarantined, per entity.</summary>
    public long Quarantined(string entity) => _quarantined[entity];

    /// <summary>The first quarantined rows of an entity (at most 20), for messages.</summary>
    public IReadOnlyList<QuarantinedRow> QuarantineSample(string entity) => _samples[entity];

    /// <summary>Stages a typed row of <paramref name="entity"/>, values in schema column order.</summary>
    public void Append(EntitySchema entity, object?[] values)
    {
        var writer = _entities[entity.Name].Writer;
        writer.Values(values);
        writer.EndRow();
    }

    /// <summary>Keeps a row out of the lake, with its reason.</summary>
    public void Quarantine(QuarantinedRow row)
    {
        _quarantine.CreateRow().AppendValue(row.Entity).AppendValue(row.File).AppendValue(row.Line).AppendValue(row.Field)
            .AppendValue(row.Value is null ? null : Shorten(row.Value)).AppendValue(row.Reason).EndRow();
        _quarantined[row.Entity]++;
        if (_samples[row.Entity].Count < 20)
        {
            _samples[row.Entity].Add(row with { Value = row.Value is null ? null : Shorten(row.Value) });
        }
    }

    /// <summary>Flushes every appender; after this, nothing more can be staged.</summary>
    public void Seal()
    {
        if (_sealed)
        {
            return;
        }

        foreach (var (appender, _) in _entities.Values)
        {
            appender.Dispose();
        }

        _quarantine.Dispose();
        _sealed = true;
    }

    /// <inheritdoc />
    public void Write(Partner record) => Stage(record);

    /// <inheritdoc />
    public void Write(Account record) => Stage(record);

    /// <inheritdoc />
    public void Write(Opportunity record) => Stage(record);

    /// <inheritdoc />
    public void Write(OpportunityPartner record) => Stage(record);

    /// <inheritdoc />
    public void Write(StageHistoryEntry record) => Stage(record);

    /// <inheritdoc />
    public void Write(DealRegistration record) => Stage(record);

    /// <inheritdoc />
    public void Write(LeadRegistration record) => Stage(record);

    /// <inheritdoc />
    public void Write(Activity record) => Stage(record);

    /// <inheritdoc />
    public void Write(Certification record) => Stage(record);

    /// <inheritdoc />
    public void Write(CsatResponse record) => Stage(record);

    /// <inheritdoc />
    public void Write(PartnerProof record) => Stage(record);

    /// <inheritdoc />
    public void Write(Conflict record) => Stage(record);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_sealed)
            {
                Seal();
            }
        }
        catch (DuckDBException)
        {
            // Disposing after a failure: the staged rows are being thrown away anyway.
        }
        finally
        {
            _connection.Dispose();
        }
    }

    private void Stage(ICrmRecord record)
    {
        var writer = _entities[record.Schema.Name].Writer;
        record.WriteTo(writer);
        writer.EndRow();
    }

    private static string Shorten(string value) => value.Length <= 200 ? value : string.Concat(value.AsSpan(0, 197), "...");
}
