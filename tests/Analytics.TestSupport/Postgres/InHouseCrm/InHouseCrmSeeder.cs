using Analytics.Pipelines.Crm;
using Analytics.Sources.Demo;
using Analytics.TestSupport.Crm;
using Npgsql;
using NpgsqlTypes;

namespace Analytics.TestSupport.Postgres.InHouseCrm;

/// <summary>
/// Fills the in-house CRM's tables from demo CRM records, as the demo source's sink: every record is written as it
/// arrives through one binary COPY per table (one connection each), so a large CRM never sits in memory. Partner
/// accounts get surrogate ids 1, 2, ... in arrival order, and partner rows point at them by that id. With
/// <see cref="MaxOpportunities"/>, opportunities past it are left out with their partner rows, stage history and
/// activities. <see cref="Complete"/> commits the COPYs; disposing without it leaves the tables empty.
/// </summary>
public sealed class InHouseCrmSeeder : ICrmRecordSink, IDisposable
{
    private readonly Dictionary<string, (NpgsqlConnection Connection, NpgsqlBinaryImporter Importer)> _copies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _partnerIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _skipped = new(StringComparer.Ordinal);

    /// <summary>Opens a COPY into every in-house table of the database of <paramref name="connectionString"/> (whose schema <see cref="InHouseCrmSchema.CreateAsync"/> created).</summary>
    public InHouseCrmSeeder(string connectionString)
    {
        // Twelve connections at once, closed for real afterwards: pooled, they would stay open after every test's seeding.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        foreach (var table in InHouseCrmSchema.Tables)
        {
            var connection = new NpgsqlConnection(unpooled);
            connection.Open();
            if (_copies.Count == 0)
            {
                // The pool may have loaded the database's types before the schema created crm.deal_kind.
                connection.ReloadTypes();
            }

            var columns = table.Entity == CrmSchema.Partners.Name ? ["id", .. table.Columns] : table.Columns;
            _copies[table.Entity] = (connection, connection.BeginBinaryImport($"copy {table.Table} ({string.Join(", ", columns)}) from stdin (format binary)"));
        }
    }

    /// <summary>Leave out opportunities after this many (with their partner rows, stage history and activities); null for all.</summary>
    public long? MaxOpportunities { get; init; }

    /// <summary>Rows written per entity.</summary>
    public Dictionary<string, long> Rows { get; } = new(StringComparer.Ordinal);

    /// <summary>A new in-house CRM schema in <paramref name="connectionString"/>'s database holding the demo CRM of <paramref name="demo"/> as of the end of <paramref name="asOf"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> SeedFromDemoAsync(string connectionString, DemoCrmOptions demo, DateOnly asOf, long? maxOpportunities = null)
    {
        await InHouseCrmSchema.CreateAsync(connectionString);
        using var seeder = new InHouseCrmSeeder(connectionString) { MaxOpportunities = maxOpportunities };
        new DemoCrm(demo).WriteSnapshot(asOf, seeder);
        seeder.Complete();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var analyze = new NpgsqlCommand("analyze", connection);
        await analyze.ExecuteNonQueryAsync();
        return seeder.Rows;
    }

    /// <summary>Commits every table's rows.</summary>
    public void Complete()
    {
        foreach (var (_, importer) in _copies.Values)
        {
            importer.Complete();
        }
    }

    /// <inheritdoc />
    public void Write(Partner record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var id = _partnerIds.Count + 1L;
        _partnerIds[record.PartnerId] = id;
        Insert(record, importer => importer.Write(id, NpgsqlDbType.Bigint));
    }

    /// <inheritdoc />
    public void Write(Account record) => Insert(record);

    /// <inheritdoc />
    public void Write(Opportunity record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (MaxOpportunities is { } max && Rows.GetValueOrDefault(CrmSchema.Opportunities.Name) >= max)
        {
            _skipped.Add(record.OpportunityId);
            return;
        }

        Insert(record);
    }

    /// <inheritdoc />
    public void Write(OpportunityPartner record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_skipped.Contains(record.OpportunityId))
        {
            Insert(record);
        }
    }

    /// <inheritdoc />
    public void Write(StageHistoryEntry record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_skipped.Contains(record.OpportunityId))
        {
            Insert(record);
        }
    }

    /// <inheritdoc />
    public void Write(DealRegistration record) => Insert(record);

    /// <inheritdoc />
    public void Write(LeadRegistration record) => Insert(record);

    /// <inheritdoc />
    public void Write(Activity record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_skipped.Contains(record.OpportunityId))
        {
            Insert(record);
        }
    }

    /// <inheritdoc />
    public void Write(Certification record) => Insert(record);

    /// <inheritdoc />
    public void Write(CsatResponse record) => Insert(record);

    /// <inheritdoc />
    public void Write(PartnerProof record) => Insert(record);

    /// <inheritdoc />
    public void Write(Conflict record) => Insert(record);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (connection, importer) in _copies.Values)
        {
            importer.Dispose();
            connection.Dispose();
        }
    }

    private void Insert(ICrmRecord record, Action<NpgsqlBinaryImporter>? leading = null)
    {
        var table = InHouseCrmSchema.Tables.First(t => t.Entity == record.Schema.Name);
        var importer = _copies[table.Entity].Importer;
        var values = CollectingRowWriter.ValuesOf(record);
        importer.StartRow();
        leading?.Invoke(importer);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var value = values[i].Value;
            var column = table.Columns[i];
            if (column == "partner_account_id")
            {
                Write(importer, _partnerIds[(string)value!], NpgsqlDbType.Bigint);
            }
            else if (column == "deal_kind")
            {
                // An enum: written by its type's name (binary COPY needs the exact type).
                if (value is null)
                {
                    importer.WriteNull();
                }
                else
                {
                    importer.Write((string)value, InHouseCrmSchema.DealKindType);
                }
            }
            else if (table.Conversions.TryGetValue(column, out var conversion))
            {
                Write(importer, conversion.Convert(value), conversion.Type);
            }
            else
            {
                Write(importer, value, InHouseCrmSchema.TypeOf(record.Schema.Columns[i].Type));
            }
        }

        Rows[table.Entity] = Rows.GetValueOrDefault(table.Entity) + 1;
    }

    private static void Write(NpgsqlBinaryImporter importer, object? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }
}
