using System.Globalization;

namespace Analytics.TestSupport.Salesforce;

/// <summary>
/// An in-memory Salesforce org for the contract server: sObject types with fields, rows, a clock. Values are string,
/// <see cref="DateTime"/> (UTC, kept to the millisecond as Salesforce does), <see cref="DateOnly"/>, decimal, long, bool or
/// null. Safe to change while the server reads it: a query works on a snapshot of row references.
/// </summary>
public sealed class SalesforceOrg
{
    private static readonly string[] AuditFields = ["IsDeleted", "CreatedDate", "LastModifiedDate", "SystemModstamp"];

    // Shared boxes: a million rows need not carry a million boxed falses and timestamps.
    private static readonly object False = false;
    private static readonly object True = true;

    private readonly Dictionary<string, SObjectTable> _tables = new(StringComparer.OrdinalIgnoreCase);

    public SalesforceOrg(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Clock = clock;
    }

    public TimeProvider Clock { get; }

    /// <summary>Guards every table; the server holds it only while it takes a snapshot.</summary>
    internal Lock Gate { get; } = new();

    /// <summary>The defined type names.</summary>
    public IReadOnlyList<string> Types
    {
        get
        {
            lock (Gate)
            {
                return [.. _tables.Values.Select(t => t.Name)];
            }
        }
    }

    /// <summary>
    /// Defines <paramref name="type"/>. Adds Id, IsDeleted, CreatedDate, LastModifiedDate and SystemModstamp unless
    /// <paramref name="withAuditFields"/> is false (then only Id and the fields listed).
    /// </summary>
    public void Define(string type, IEnumerable<SField> fields, bool withAuditFields = true, bool bulkQueryable = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(fields);
        var all = new List<SField> { new("Id", SFieldType.Id) };
        if (withAuditFields)
        {
            all.Add(new SField("IsDeleted", SFieldType.Boolean));
            all.Add(new SField("CreatedDate", SFieldType.DateTime));
            all.Add(new SField("LastModifiedDate", SFieldType.DateTime));
            all.Add(new SField("SystemModstamp", SFieldType.DateTime));
        }

        foreach (var field in fields)
        {
            if (all.Any(f => string.Equals(f.Name, field.Name, StringComparison.OrdinalIgnoreCase)))
            {
                if (field.Name.Equals("Id", StringComparison.OrdinalIgnoreCase) || (withAuditFields && AuditFields.Contains(field.Name, StringComparer.OrdinalIgnoreCase)))
                {
                    continue;
                }

                throw new ArgumentException($"{type}.{field.Name} is listed twice.", nameof(fields));
            }

            if (field.Type == SFieldType.Reference && (field.ReferenceTo is null || field.RelationshipName is null))
            {
                throw new ArgumentException($"{type}.{field.Name}: a reference field needs ReferenceTo and RelationshipName.", nameof(fields));
            }

            all.Add(field);
        }

        lock (Gate)
        {
            if (_tables.ContainsKey(type))
            {
                throw new InvalidOperationException($"{type} is already defined.");
            }

            _tables.Add(type, new SObjectTable(type, all, bulkQueryable));
        }
    }

    /// <summary>Inserts a row; Id is required; CreatedDate, LastModifiedDate and SystemModstamp default to the clock's now.</summary>
    public void Insert(string type, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        object now = Now();
        lock (Gate)
        {
            var table = Table(type);
            var row = new object?[table.Fields.Count + 1];
            foreach (var (name, value) in values)
            {
                var index = table.IndexOf(name);
                if (index < 0)
                {
                    throw new ArgumentException($"{table.Name} has no field {name}.", nameof(values));
                }

                row[index] = Normalise(value, table.Fields[index], table.Name);
            }

            if (row[0] is not string id || id.Length == 0)
            {
                throw new ArgumentException($"A {table.Name} row needs an Id.", nameof(values));
            }

            if (table.RowById.ContainsKey(id))
            {
                throw new ArgumentException($"{table.Name} already has a row {id}.", nameof(values));
            }

            foreach (var audit in new[] { "CreatedDate", "LastModifiedDate", "SystemModstamp" })
            {
                var index = table.IndexOf(audit);
                if (index >= 0 && row[index] is null)
                {
                    row[index] = now;
                }
            }

            var deleted = table.IndexOf("IsDeleted");
            if (deleted >= 0)
            {
                row[deleted] ??= False;
                row[table.DeletedSlot] = row[deleted] is true ? True : null;
            }

            table.RowById.Add(id, table.Rows.Count);
            table.Rows.Add(row);
            if (row[table.DeletedSlot] is not true)
            {
                table.LiveCount++;
            }
        }
    }

    /// <summary>
    /// Inserts many rows at once, the fast path for large seedings (a million opportunities): <paramref name="fields"/>
    /// names the columns once, each row gives their values in that order. Same rules and defaults as <see cref="Insert"/>.
    /// </summary>
    public void InsertRows(string type, IReadOnlyList<string> fields, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(rows);
        object now = Now();
        lock (Gate)
        {
            var table = Table(type);
            var indexes = fields.Select(f => table.IndexOf(f) is >= 0 and var i ? i : throw new ArgumentException($"{table.Name} has no field {f}.", nameof(fields))).ToArray();
            if (!indexes.Contains(0))
            {
                throw new ArgumentException($"{table.Name} rows need an Id column.", nameof(fields));
            }

            var audits = new[] { "CreatedDate", "LastModifiedDate", "SystemModstamp" }.Select(table.IndexOf).Where(i => i >= 0).ToArray();
            var deleted = table.IndexOf("IsDeleted");
            foreach (var values in rows)
            {
                var row = new object?[table.Fields.Count + 1];
                for (var i = 0; i < indexes.Length; i++)
                {
                    row[indexes[i]] = Normalise(values[i], table.Fields[indexes[i]], table.Name);
                }

                if (row[0] is not string id || id.Length == 0 || !table.RowById.TryAdd(id, table.Rows.Count))
                {
                    throw new ArgumentException($"A {table.Name} row has no Id or a duplicate one ({row[0]}).", nameof(rows));
                }

                foreach (var audit in audits)
                {
                    row[audit] ??= now;
                }

                if (deleted >= 0)
                {
                    row[deleted] ??= False;
                    row[table.DeletedSlot] = row[deleted] is true ? True : null;
                }

                table.Rows.Add(row);
                if (row[table.DeletedSlot] is not true)
                {
                    table.LiveCount++;
                }
            }
        }
    }

    /// <summary>Changes fields of row <paramref name="id"/>; bumps SystemModstamp and LastModifiedDate to the clock's now.</summary>
    public void Update(string type, string id, IReadOnlyDictionary<string, object?> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var now = Now();
        lock (Gate)
        {
            var table = Table(type);
            var (index, row) = Existing(table, id);
            var copy = (object?[])row.Clone();
            foreach (var (name, value) in changes)
            {
                var field = table.IndexOf(name);
                if (field <= 0)
                {
                    throw new ArgumentException(field == 0 ? "The Id cannot change." : $"{table.Name} has no field {name}.", nameof(changes));
                }

                copy[field] = Normalise(value, table.Fields[field], table.Name);
            }

            Stamp(table, copy, now, "LastModifiedDate", "SystemModstamp");
            table.Rows[index] = copy;
        }
    }

    /// <summary>Deletes row <paramref name="id"/> to the Recycle Bin: IsDeleted true, SystemModstamp now; queryAll and <c>deleted</c> still list it.</summary>
    public void Delete(string type, string id)
    {
        var now = Now();
        lock (Gate)
        {
            var table = Table(type);
            var (index, row) = Existing(table, id);
            if (row[table.DeletedSlot] is true)
            {
                throw new InvalidOperationException($"{table.Name} {id} is already deleted.");
            }

            var copy = (object?[])row.Clone();
            copy[table.DeletedSlot] = true;
            var deleted = table.IndexOf("IsDeleted");
            if (deleted >= 0)
            {
                copy[deleted] = true;
            }

            Stamp(table, copy, now, "SystemModstamp");
            table.Rows[index] = copy;
            table.LiveCount--;
            table.DeletedLog.Add((id, now));
        }
    }

    /// <summary>Removes row <paramref name="id"/> for good (an emptied Recycle Bin): neither queryAll nor <c>deleted</c> shows it.</summary>
    public void Purge(string type, string id)
    {
        lock (Gate)
        {
            var table = Table(type);
            var (index, row) = Existing(table, id);
            if (row[table.DeletedSlot] is not true)
            {
                table.LiveCount--;
            }

            table.Rows[index] = null;
            table.RowById.Remove(id);
            table.DeletedLog.RemoveAll(d => d.Id == id);
        }
    }

    /// <summary>The live (not deleted) rows of <paramref name="type"/>.</summary>
    public long Count(string type)
    {
        lock (Gate)
        {
            return Table(type).LiveCount;
        }
    }

    /// <summary>The table of <paramref name="type"/>, or null; callers hold <see cref="Gate"/>.</summary>
    internal SObjectTable? Find(string type) => _tables.GetValueOrDefault(type);

    private SObjectTable Table(string type) =>
        _tables.GetValueOrDefault(type) ?? throw new ArgumentException($"The org has no type {type}; Define it first.", nameof(type));

    private static (int Index, object?[] Row) Existing(SObjectTable table, string id) =>
        table.RowById.TryGetValue(id, out var index) && table.Rows[index] is { } row
            ? (index, row)
            : throw new ArgumentException($"{table.Name} has no row {id}.", nameof(id));

    private static void Stamp(SObjectTable table, object?[] row, DateTime now, params string[] fields)
    {
        foreach (var field in fields)
        {
            var index = table.IndexOf(field);
            if (index >= 0)
            {
                row[index] = now;
            }
        }
    }

    private DateTime Now() => Truncate(Clock.GetUtcNow().UtcDateTime);

    private static DateTime Truncate(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    private static object? Normalise(object? value, SField field, string type) => value switch
    {
        null => null,
        DateTime { Kind: DateTimeKind.Utc } d when d.Ticks % TimeSpan.TicksPerMillisecond == 0 => value,
        DateTime d => Truncate(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        DateTimeOffset d => Truncate(d.UtcDateTime),
        bool b => b ? True : False,
        DateOnly or string or decimal or long => value,
        int i => (long)i,
        double d => (decimal)d,
        float f => (decimal)f,
        _ => throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"{type}.{field.Name}: a {value.GetType().Name} is not a Salesforce value (string, DateTime, DateOnly, decimal, long, bool)."),
            nameof(value)),
    };
}
