using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Lake;

namespace Analytics.Pipelines.Sources.Files;

/// <summary>
/// The file drop's validation and quarantine for sources that produce canonical rows by other means (an API): every
/// field parsed strictly, the rules spanning fields checked, duplicate primary keys refused, so that read = landed +
/// quarantined and each quarantined row names its <c>file</c> label, row number, field and reason. The rows must come
/// ordered by primary key, so that finding duplicates keeps one key in memory, not every key.
/// </summary>
/// <param name="dateFormat">An exact date format, or null for ISO 8601.</param>
/// <param name="timestampFormat">An exact timestamp format, or null for ISO 8601.</param>
/// <param name="maxTextLength">The longest text a field may hold.</param>
public sealed class CanonicalRowLoader(string? dateFormat, string? timestampFormat, int maxTextLength)
{
    private readonly FieldParser _fields = new(dateFormat, timestampFormat, maxTextLength);

    /// <summary>Stages the rows of <paramref name="entity"/>; returns how many were read.</summary>
    /// <param name="entity">The canonical entity.</param>
    /// <param name="file">The label quarantined rows name as their file, e.g. <c>salesforce Opportunity</c>.</param>
    /// <param name="header">Column names by position (canonical names; others are ignored).</param>
    /// <param name="rows">The rows, streamed, ordered by the entity's primary key (a duplicate must follow its first occurrence).</param>
    /// <param name="staging">Where valid rows are staged and invalid ones quarantined.</param>
    /// <exception cref="SourceException">A required canonical column is absent from <paramref name="header"/>.</exception>
    public long Load(EntitySchema entity, string file, IReadOnlyList<string> header, IEnumerable<CanonicalRow> rows, SnapshotStaging staging)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(rows);
        var config = new EntityFileConfig(file, FileFormat.Csv, new Dictionary<string, string>());
        using var reader = new RowReader(header, rows);
        return new EntityFileParser(entity, config, _fields).Load(reader, staging, sortedByKey: true);
    }

    private sealed class RowReader(IReadOnlyList<string> header, IEnumerable<CanonicalRow> rows) : IRawRecordReader
    {
        public IReadOnlyList<string> Header => header;

        public IEnumerable<RawRecord> Records() => rows.Select(r => new RawRecord(r.Line, [.. r.Fields], Origin: r.Origin));

        public void Dispose()
        {
        }
    }
}
