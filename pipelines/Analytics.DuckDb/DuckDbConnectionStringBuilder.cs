using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Analytics.DuckDb;

/// <summary>
/// Connection strings such as <c>Data Source=data/warehouse/analytics.duckdb;Read Only=true;Threads=2</c>.
/// Recognised keys: <c>Data Source</c> (a file path, or <c>:memory:</c> / empty for a private in-memory database),
/// <c>Read Only</c>, <c>Threads</c>, <c>Memory Limit</c> (e.g. <c>4GB</c>), <c>Temp Directory</c>. Any other key is
/// passed to DuckDB verbatim as a configuration option (duckdb_set_config), which rejects unknown names.
/// </summary>
public sealed class DuckDbConnectionStringBuilder : DbConnectionStringBuilder
{
    private const string DataSourceKey = "Data Source";
    private const string ReadOnlyKey = "Read Only";
    private const string ThreadsKey = "Threads";
    private const string MemoryLimitKey = "Memory Limit";
    private const string TempDirectoryKey = "Temp Directory";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["data source"] = DataSourceKey,
        ["datasource"] = DataSourceKey,
        ["path"] = DataSourceKey,
        ["read only"] = ReadOnlyKey,
        ["readonly"] = ReadOnlyKey,
        ["threads"] = ThreadsKey,
        ["memory limit"] = MemoryLimitKey,
        ["memory_limit"] = MemoryLimitKey,
        ["temp directory"] = TempDirectoryKey,
        ["temp_directory"] = TempDirectoryKey,
    };

    /// <summary>An empty builder.</summary>
    public DuckDbConnectionStringBuilder()
    {
    }

    /// <summary>A builder initialised from a connection string.</summary>
    public DuckDbConnectionStringBuilder(string? connectionString) => ConnectionString = connectionString ?? string.Empty;

    /// <summary>The database file, or <c>:memory:</c>.</summary>
    public string DataSource
    {
        get => TryGetValue(DataSourceKey, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty : string.Empty;
        set => this[DataSourceKey] = value;
    }

    /// <summary>Opens the file read-only (DuckDB's <c>access_mode=READ_ONLY</c>): several processes may then read it at once.</summary>
    public bool ReadOnly
    {
        get => TryGetValue(ReadOnlyKey, out var value) && ParseBool(ReadOnlyKey, value);
        set => this[ReadOnlyKey] = value;
    }

    /// <summary>Worker threads DuckDB may use (DuckDB's <c>threads</c>); null leaves DuckDB's default (all cores).</summary>
    public int? Threads
    {
        get => TryGetValue(ThreadsKey, out var value) ? ParsePositiveInt(ThreadsKey, value) : null;
        set => SetOrRemove(ThreadsKey, value);
    }

    /// <summary>DuckDB's <c>memory_limit</c>, such as <c>2GB</c>; null leaves DuckDB's default (80 % of RAM).</summary>
    public string? MemoryLimit
    {
        get => TryGetValue(MemoryLimitKey, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
        set => SetOrRemove(MemoryLimitKey, value);
    }

    /// <summary>Where DuckDB spills to disk (DuckDB's <c>temp_directory</c>).</summary>
    public string? TempDirectory
    {
        get => TryGetValue(TempDirectoryKey, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
        set => SetOrRemove(TempDirectoryKey, value);
    }

    /// <summary>True when the data source names no file.</summary>
    public bool IsInMemory => DataSource.Length == 0 || DataSource.StartsWith(":memory:", StringComparison.Ordinal);

    /// <inheritdoc />
    [AllowNull]
    public override object this[string keyword]
    {
        get => base[Canonical(keyword)];
        set => base[Canonical(keyword)] = value;
    }

    /// <inheritdoc />
    public override bool ContainsKey(string keyword) => base.ContainsKey(Canonical(keyword));

    /// <inheritdoc />
    public override bool Remove(string keyword) => base.Remove(Canonical(keyword));

    /// <inheritdoc />
    public override bool TryGetValue(string keyword, out object value) => base.TryGetValue(Canonical(keyword), out value!);

    /// <summary>The DuckDB configuration options (name, value) this connection string asks for.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> ToDuckDbOptions()
    {
        var options = new List<KeyValuePair<string, string>>();
        foreach (string key in Keys)
        {
            var value = Convert.ToString(this[key], CultureInfo.InvariantCulture) ?? string.Empty;
            switch (key)
            {
                case DataSourceKey:
                    break;
                case ReadOnlyKey:
                    options.Add(new("access_mode", ReadOnly ? "READ_ONLY" : "AUTOMATIC"));
                    break;
                case ThreadsKey:
                    options.Add(new("threads", Threads!.Value.ToString(CultureInfo.InvariantCulture)));
                    break;
                case MemoryLimitKey:
                    options.Add(new("memory_limit", value));
                    break;
                case TempDirectoryKey:
                    options.Add(new("temp_directory", value));
                    break;
                default:
                    options.Add(new(key, value));
                    break;
            }
        }

        return options;
    }

    private static string Canonical(string keyword) =>
        Aliases.TryGetValue(keyword.Trim(), out var canonical) ? canonical : keyword.Trim();

    private void SetOrRemove(string key, object? value)
    {
        if (value is null)
        {
            Remove(key);
        }
        else
        {
            this[key] = value;
        }
    }

    private static bool ParseBool(string key, object value) => value switch
    {
        bool b => b,
        string s when bool.TryParse(s, out var b) => b,
        _ => throw new ArgumentException($"Connection string key '{key}' must be true or false, not '{value}'."),
    };

    private static int ParsePositiveInt(string key, object value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return n;
        }

        throw new ArgumentException($"Connection string key '{key}' must be a whole number of at least 1, not '{text}'.");
    }
}
