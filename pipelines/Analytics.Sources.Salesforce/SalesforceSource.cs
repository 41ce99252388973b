using System.Globalization;
using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Sources;
using Analytics.Pipelines.Sources.Files;
using Analytics.Pipelines.Sources.Mirror;
using Analytics.Sources.Salesforce.Api;
using Analytics.Sources.Salesforce.Configuration;
using Analytics.Sources.Salesforce.Mapping;
using Analytics.Sources.Salesforce.Mirror;

namespace Analytics.Sources.Salesforce;

/// <summary>
/// The Salesforce source: mirrors every mapped object incrementally into <c>state_folder</c> (per snapshot date, merged by
/// Id, deletes removed), then projects the mirror onto the canonical entities and stages them through the same
/// validation and quarantine as the file drop. The mirror of a date is renamed into place only when every object was
/// read; a failure leaves the earlier mirrors as they were.
/// </summary>
/// <param name="config">The source's settings.</param>
/// <param name="maxTextLength">The longest text a field may hold (the file drop's limit).</param>
/// <param name="clock">The clock: the run's start is the new bookmark.</param>
/// <param name="handler">The HTTP handler, or null for a new one.</param>
/// <param name="environment">Reads environment variables (secrets), or null for the process environment.</param>
public sealed class SalesforceSource(
    SalesforceSourceConfig config,
    int maxTextLength,
    TimeProvider clock,
    HttpMessageHandler? handler = null,
    Func<string, string?>? environment = null) : ICrmSource
{
    private string? _fullReads;

    /// <inheritdoc />
    /// <remarks>After <see cref="Extract"/>, also says which objects were read in full and why.</remarks>
    public string Description => _fullReads is null ? Describe(config) : $"{Describe(config)}; {_fullReads}";

    /// <inheritdoc />
    /// <exception cref="SalesforceException">The org cannot be read (authentication, quota, a mapped field missing, a failed Bulk job).</exception>
    public void Extract(DateOnly asOf, SnapshotStaging staging, IProgress<string>? progress) =>
        ExtractAsync(asOf, staging, progress, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc />
    /// <remarks>Salesforce holds only the present: no earlier date can be read, so a backfill lands only the run's own date.</remarks>
    public IReadOnlyList<DateOnly>? HistoryDates(DateOnly first, DateOnly last) => [];

    /// <summary>As <see cref="Extract"/>, cancellable (a cancelled Bulk job is aborted).</summary>
    public async Task ExtractAsync(DateOnly asOf, SnapshotStaging staging, IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staging);
        var start = clock.GetUtcNow();
        var store = new MirrorStore(config.StateFolder);
        var previous = store.BaseFolder(asOf);
        var temp = store.CreateTemp(asOf);
        try
        {
            var units = MirrorUnit.Plan(config.Mapping);
            var settings = new MirrorSettings(start, config.Lookback, config.BulkThreshold, config.Connection.ApiVersion, clock, progress);
            var full = new List<(string Object, string Reason)>();
            using (var client = new SalesforceClient(config.Connection, clock, progress, handler, environment))
            using (var duck = MirrorStore.OpenWorkDatabase(temp))
            {
                var mirror = new ObjectMirror(client, new OrgSchema(client), duck, settings);
                foreach (var unit in units)
                {
                    progress?.Report($"reading {unit.Object}{(unit.Where is null ? string.Empty : $" where {unit.Where}")}");
                    var state = await mirror.ReadAsync(unit, previous, temp, ct).ConfigureAwait(false);
                    if (state.HowRead.StartsWith("full", StringComparison.Ordinal))
                    {
                        full.Add((unit.Object, state.HowRead[(state.HowRead.IndexOf(" because ", StringComparison.Ordinal) + 9)..]));
                    }
                }

                var projection = new EntityProjection(duck, temp, units);
                var loader = new CanonicalRowLoader(null, null, maxTextLength);
                foreach (var entity in CrmSchema.Entities)
                {
                    progress?.Report($"mapping {entity.Name}");
                    var read = projection.Load(entity, config.Mapping.For(entity), loader, staging);
                    if (read != staging.Landed(entity.Name) + staging.Quarantined(entity.Name))
                    {
                        throw new InvalidOperationException($"salesforce {entity.Name}: read {read} rows but staged {staging.Landed(entity.Name)} and quarantined {staging.Quarantined(entity.Name)}; this is a bug.");
                    }
                }
            }

            store.Commit(temp, asOf);
            _fullReads = full.Count == 0
                ? "every object read incrementally"
                : $"read in full: {string.Join("; ", full.GroupBy(f => f.Reason).Select(g => $"{string.Join(", ", g.Select(f => f.Object).Distinct())} ({g.Key})"))}";
        }
        catch
        {
            MirrorStore.Abandon(temp);
            throw;
        }
    }

    /// <summary><c>salesforce (https://login.salesforce.com, API v66.0)</c>: never secrets.</summary>
    internal static string Describe(SalesforceSourceConfig config) =>
        string.Create(CultureInfo.InvariantCulture, $"salesforce ({config.Connection.LoginUrl.GetLeftPart(UriPartial.Authority)}, API v{config.Connection.ApiVersion})");
}
