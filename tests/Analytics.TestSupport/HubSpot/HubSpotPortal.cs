using System.Globalization;

namespace Analytics.TestSupport.HubSpot;

/// <summary>
/// An in-memory HubSpot portal for the contract server: object tables, v4 associations with labels, deal pipelines,
/// owners, and a clock. Every write of properties sets <c>hs_lastmodifieddate</c> (and <c>createdate</c> on creation);
/// archiving and association changes do not, as in HubSpot. Changes to <see cref="StageProperty"/> are kept as its
/// history. Safe to change while the server reads it: both take <see cref="Gate"/>.
/// </summary>
public sealed class HubSpotPortal(TimeProvider clock)
{
    /// <summary>The property whose history is kept (returned with propertiesWithHistory).</summary>
    public const string StageProperty = "dealstage";

    private readonly Dictionary<string, PortalTable> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), Dictionary<string, List<PortalAssociation>>> _associations = [];
    private long _positions;

    public TimeProvider Clock { get; } = clock;

    internal Lock Gate { get; } = new();

    public List<PortalPipeline> Pipelines { get; } = [];

    public List<(string Id, string Email)> Owners { get; } = [];

    /// <summary>The scopes the token carries; a test removes one to get 403 MISSING_SCOPES.</summary>
    public HashSet<string> Scopes { get; } = new(StringComparer.Ordinal);

    /// <summary>The table of <paramref name="objectType"/> (created empty when new).</summary>
    public PortalTable Table(string objectType)
    {
        lock (Gate)
        {
            if (!_tables.TryGetValue(objectType, out var table))
            {
                table = new PortalTable(objectType);
                _tables[objectType] = table;
                Scopes.Add(ScopeOf(objectType));
                Scopes.Add(SchemaScopeOf(objectType));
            }

            return table;
        }
    }

    internal PortalTable? Find(string objectType)
    {
        lock (Gate)
        {
            return _tables.GetValueOrDefault(objectType);
        }
    }

    /// <summary>The read scope an object type needs.</summary>
    public static string ScopeOf(string objectType) => objectType.StartsWith("p_", StringComparison.Ordinal) || objectType.StartsWith("2-", StringComparison.Ordinal)
        ? "crm.objects.custom.read"
        : $"crm.objects.{objectType}.read";

    /// <summary>The scope reading an object type's properties needs.</summary>
    public static string SchemaScopeOf(string objectType) => objectType.StartsWith("p_", StringComparison.Ordinal) || objectType.StartsWith("2-", StringComparison.Ordinal)
        ? "crm.schemas.custom.read"
        : $"crm.schemas.{objectType}.read";

    /// <summary>Creates or updates a record: the given properties are set (null clears), hs_lastmodifieddate moves to now.</summary>
    public void Upsert(string objectType, string id, params (string Property, string? Value)[] properties)
    {
        var table = Table(objectType);
        var now = Timestamp(Clock.GetUtcNow().UtcDateTime);
        lock (Gate)
        {
            if (!table.ById.TryGetValue(id, out var record))
            {
                record = new PortalRecord(id, _positions++);
                table.ById[id] = record;
                table.InOrder.Add(record);
                table.Set(record, "hs_object_id", id);
                table.Set(record, "createdate", now);
            }

            foreach (var (property, value) in properties)
            {
                if (property == StageProperty && table.Get(record, property) != value)
                {
                    (record.History ??= []).Add((value, now));
                }

                table.Set(record, property, value);
            }

            table.Set(record, "hs_lastmodifieddate", now);
            record.ModifiedMs = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        }
    }

    /// <summary>Sets properties without touching hs_lastmodifieddate (seeding: values HubSpot calculates or imports).</summary>
    public void SetQuietly(string objectType, string id, params (string Property, string? Value)[] properties)
    {
        var table = Table(objectType);
        lock (Gate)
        {
            var record = table.ById[id];
            foreach (var (property, value) in properties)
            {
                table.Set(record, property, value);
            }
        }
    }

    /// <summary>The ids of the live (not archived) records of <paramref name="objectType"/>, in insertion order.</summary>
    public IReadOnlyList<string> Ids(string objectType)
    {
        var table = Table(objectType);
        lock (Gate)
        {
            return table.InOrder.Where(r => !r.Archived).Select(r => r.Id).ToList();
        }
    }

    /// <summary>The value of a property, or null.</summary>
    public string? Get(string objectType, string id, string property)
    {
        var table = Table(objectType);
        lock (Gate)
        {
            return table.ById.TryGetValue(id, out var record) ? table.Get(record, property) : null;
        }
    }

    /// <summary>Adds a history value of the stage property at <paramref name="at"/> (seeding: the past).</summary>
    public void AddHistory(string objectType, string id, string? value, DateTime at)
    {
        var table = Table(objectType);
        lock (Gate)
        {
            (table.ById[id].History ??= []).Add((value, Timestamp(at)));
        }
    }

    /// <summary>Forgets a record's stage history (seeding writes the past history itself).</summary>
    public void ClearHistory(string objectType, string id)
    {
        var table = Table(objectType);
        lock (Gate)
        {
            table.ById[id].History = null;
        }
    }

    /// <summary>Archives a record (the recycle bin): hs_lastmodifieddate does not move.</summary>
    public void Archive(string objectType, string id)
    {
        var table = Table(objectType);
        lock (Gate)
        {
            var record = table.ById[id];
            record.Archived = true;
            record.ArchivedAt = Timestamp(Clock.GetUtcNow().UtcDateTime);
        }
    }

    /// <summary>Associates two records under one type (hs_lastmodifieddate does not move).</summary>
    public void Associate(string fromType, string fromId, string toType, string toId, int typeId, string category, string? label)
    {
        lock (Gate)
        {
            if (!_associations.TryGetValue((fromType, toType), out var byFrom))
            {
                byFrom = new Dictionary<string, List<PortalAssociation>>(StringComparer.Ordinal);
                _associations[(fromType, toType)] = byFrom;
            }

            if (!byFrom.TryGetValue(fromId, out var list))
            {
                list = [];
                byFrom[fromId] = list;
            }

            list.Add(new PortalAssociation(toId, typeId, category, label));
        }
    }

    /// <summary>Removes every association of one pair of records (hs_lastmodifieddate does not move).</summary>
    public void Unassociate(string fromType, string fromId, string toType, string toId)
    {
        lock (Gate)
        {
            if (_associations.TryGetValue((fromType, toType), out var byFrom) && byFrom.TryGetValue(fromId, out var list))
            {
                list.RemoveAll(a => a.ToId == toId);
            }
        }
    }

    internal IReadOnlyList<PortalAssociation> AssociationsOf(string fromType, string fromId, string toType)
    {
        lock (Gate)
        {
            return _associations.TryGetValue((fromType, toType), out var byFrom) && byFrom.TryGetValue(fromId, out var list) ? [.. list] : [];
        }
    }

    /// <summary>HubSpot's date-time text: <c>2024-06-01T10:00:00.123Z</c>.</summary>
    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>One association type between two records.</summary>
public sealed record PortalAssociation(string ToId, int TypeId, string Category, string? Label);

/// <summary>A deal pipeline of the portal.</summary>
public sealed record PortalPipeline(string Id, string Label, IReadOnlyList<(string Id, string Label)> Stages);
