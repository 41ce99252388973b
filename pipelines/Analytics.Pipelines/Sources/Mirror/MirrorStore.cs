using System.Globalization;
using System.Text.Json;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Pipelines.Sources.Mirror;

/// <summary>
/// A CRM source's local mirror (Salesforce, HubSpot): its folders, <c>&lt;state_folder&gt;/&lt;yyyy-MM-dd&gt;/</c> per snapshot date, each written into a temporary
/// folder first and renamed into place only when every object was read, so that a failed run leaves every existing
/// folder as it was. The latest two dates are kept.
/// </summary>
/// <remarks>Each mirrored unit is a Parquet file <c>&lt;name&gt;.parquet</c> with its state <c>&lt;name&gt;.state.json</c>.</remarks>
/// <param name="root">The source's state folder.</param>
public sealed class MirrorStore(string root)
{
    private const string TempPrefix = ".tmp-";
    private const string OldPrefix = ".old-";
    private const string Spill = ".spill";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The newest dated folder on or before <paramref name="asOf"/>, or null.</summary>
    public string? BaseFolder(DateOnly asOf) => Dates().Where(d => d <= asOf).Select(d => (DateOnly?)d).LastOrDefault() is { } date
        ? FolderOf(date)
        : null;

    /// <summary>A new, empty temporary folder for the run of <paramref name="asOf"/>; leftovers of killed runs are removed first.</summary>
    public string CreateTemp(DateOnly asOf)
    {
        Directory.CreateDirectory(root);
        foreach (var stale in Directory.EnumerateDirectories(root).Where(d => Path.GetFileName(d).StartsWith(TempPrefix, StringComparison.Ordinal) || Path.GetFileName(d).StartsWith(OldPrefix, StringComparison.Ordinal)))
        {
            Directory.Delete(stale, recursive: true);
        }

        var temp = Path.Combine(root, $"{TempPrefix}{asOf:yyyy-MM-dd}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        return temp;
    }

    /// <summary>
    /// The DuckDB database a run merges and projects its mirror in: a scratch file in <paramref name="temp"/>'s
    /// <c>.spill</c> folder (deleted by <see cref="Commit"/>), so that the merged objects live on disk, with the staging
    /// area's memory limit, so that its merges, joins and sorts spill there instead of growing with the CRM
    /// (docs/benchmarks.md). Insertion order need not be kept: every projection orders its rows.
    /// </summary>
    /// <param name="temp">The run's temporary folder (<see cref="CreateTemp"/>).</param>
    public static DuckDBConnection OpenWorkDatabase(string temp)
    {
        var spill = Path.Combine(temp, Spill);
        Directory.CreateDirectory(spill);
        return DuckDbFile.OpenScratch(Path.Combine(spill, "mirror.duckdb"),
            ("temp_directory", spill), ("preserve_insertion_order", false), ("memory_limit", SnapshotStaging.MemoryLimit));
    }

    /// <summary>
    /// Moves <paramref name="temp"/> into place as the folder of <paramref name="asOf"/> (without its work database),
    /// then keeps the latest two dates.
    /// </summary>
    public void Commit(string temp, DateOnly asOf)
    {
        if (Directory.Exists(Path.Combine(temp, Spill)))
        {
            Directory.Delete(Path.Combine(temp, Spill), recursive: true);
        }

        var target = FolderOf(asOf);
        string? old = null;
        if (Directory.Exists(target))
        {
            old = Path.Combine(root, $"{OldPrefix}{Guid.NewGuid():N}");
            Directory.Move(target, old);
        }

        Directory.Move(temp, target);
        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }

        foreach (var date in Dates().SkipLast(2))
        {
            Directory.Delete(FolderOf(date), recursive: true);
        }
    }

    /// <summary>Removes a temporary folder after a failed run.</summary>
    public static void Abandon(string temp)
    {
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>The state of unit <paramref name="name"/> in <paramref name="folder"/>, or null when it has none (or its Parquet file is gone).</summary>
    /// <typeparam name="TState">The source's state record.</typeparam>
    public static TState? ReadState<TState>(string? folder, string name)
        where TState : class
    {
        if (folder is null || !File.Exists(StatePath(folder, name)) || !File.Exists(DataPath(folder, name)))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TState>(File.ReadAllText(StatePath(folder, name)), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the state of unit <paramref name="name"/> into <paramref name="folder"/>.</summary>
    /// <typeparam name="TState">The source's state record.</typeparam>
    public static void WriteState<TState>(string folder, string name, TState state) =>
        File.WriteAllText(StatePath(folder, name), JsonSerializer.Serialize(state, Json));

    /// <summary>The Parquet file of unit <paramref name="name"/> in <paramref name="folder"/>.</summary>
    public static string DataPath(string folder, string name) => Path.Combine(folder, name + ".parquet");

    private static string StatePath(string folder, string name) => Path.Combine(folder, name + ".state.json");

    private string FolderOf(DateOnly date) => Path.Combine(root, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private List<DateOnly> Dates() => !Directory.Exists(root)
        ? []
        : Directory.EnumerateDirectories(root)
            .Select(d => DateOnly.TryParseExact(Path.GetFileName(d), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateOnly?)null)
            .OfType<DateOnly>()
            .Order()
            .ToList();
}
