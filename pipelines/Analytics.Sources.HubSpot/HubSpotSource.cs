using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Sources;
using Analytics.Pipelines.Sources.Files;
using Analytics.Pipelines.Sources.Mirror;
using Analytics.Sources.HubSpot.Api;
using Analytics.Sources.HubSpot.Configuration;
using Analytics.Sources.HubSpot.Mapping;
using Analytics.Sources.HubSpot.Mirror;

namespace Analytics.Sources.HubSpot;

/// <summary>
/// The HubSpot source: mirrors every mapped object type incrementally into <c>state_folder</c> (per snapshot date, merged
/// by record id, archived records removed, associations read again), reads the pipelines and owners in full, then projects
/// the mirror onto the canonical entities and stages them through the same validation and quarantine as the file drop.
/// The mirror of a date is renamed into place only when every object was read; a failure leaves the earlier mirrors as
/// they were.
/// </summary>
/// <param name="config">The source's settings.</param>
/// <param name="maxTextLength">The longest text a field may hold (the file drop's limit).</param>
/// <param name="clock">The clock: the run's start is the new bookmark.</param>
/// <param name="handler">The HTTP handler, or null for a new one.</param>
/// <param name="environment">Reads environment variables (the token), or null for the process environment.</param>
public sealed class HubSpotSource(
    HubSpotSourceConfig config,
    int maxTextLength,
    TimeProvider clock,
    HttpMessageHandler? handler = null,
    Func<string, string?>? environment = null) : ICrmSource
{
    private string? _reads;

    /// <inheritdoc />
    /// <remarks>After <see cref="Extract"/>, also says which objects were read in full and why.</remarks>
    public string Description => _reads is null ? Describe(config) : $"{Describe(config)}; {_reads}";

    /// <summary>Requests the last extract sent (retries included).</summary>
    public long Requests { get; private set; }

    /// <inheritdoc />
    /// <exception cref="HubSpotException">The portal cannot be read (token, scopes, daily limit, a missing object type).</exception>
    public void Extract(DateOnly asOf, SnapshotStaging staging, IProgress<string>? progress) =>
        ExtractAsync(asOf, staging, progress, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc />
    /// <remarks>HubSpot holds only the present (stage history aside): a backfill lands only the run's own date.</remarks>
    public IReadOnlyList<DateOnly>? HistoryDates(DateOnly first, DateOnly last) => [];

    /// <summary>As <see cref="Extract"/>, cancellable.</summary>
    public async Task ExtractAsync(DateOnly asOf, SnapshotStaging staging, IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staging);
        var start = clock.GetUtcNow();
        var store = new MirrorStore(config.StateFolder);
        var previous = store.BaseFolder(asOf);
        var temp = store.CreateTemp(asOf);
        try
        {
            var units = HubSpotMirrorUnit.Plan(config);
            var full = new List<string>();
            using (var client = new HubSpotClient(config.Connection, clock, progress, handler, environment))
            using (var duck = MirrorStore.OpenWorkDatabase(temp))
            {
                progress?.Report("reading the deal pipelines and owners");
                var stages = PipelineStages.Map(await client.PipelinesAsync(ct).ConfigureAwait(false), config.Pipelines);
                foreach (var gap in stages.Gaps)
                {
                    progress?.Report($"HubSpot: {gap}; deals in it are quarantined");
                }

                ReferenceTables.WriteStages(duck, stages, temp);
                await ReferenceTables.WriteOwnersAsync(duck, client, temp, ct).ConfigureAwait(false);
                var run = new MirrorRun(start, config.Lookback, config.Connection.ApiPrefix, previous, clock, progress);
                var mirror = new HubSpotObjectMirror(client, duck, run);
                foreach (var unit in units)
                {
                    progress?.Report($"reading {unit.Object}");
                    var state = await mirror.ReadAsync(unit, previous, temp, ct).ConfigureAwait(false);
                    if (state.HowRead.StartsWith("full", StringComparison.Ordinal))
                    {
                        full.Add($"{unit.Object} ({state.HowRead[(state.HowRead.IndexOf(" because ", StringComparison.Ordinal) + 9)..]})");
                    }
                }

                var projection = new HubSpotProjection(duck, temp, units, config);
                var loader = new CanonicalRowLoader(null, null, maxTextLength);
                foreach (var entity in CrmSchema.Entities)
                {
                    progress?.Report($"mapping {entity.Name}");
                    var read = projection.Load(entity, loader, staging);
                    if (read != staging.Landed(entity.Name) + staging.Quarantined(entity.Name))
                    {
                        throw new InvalidOperationException($"hubspot {entity.Name}: read {read} rows but staged {staging.Landed(entity.Name)} and quarantined {staging.Quarantined(entity.Name)}; this is a bug.");
                    }
                }

                Requests = client.Requests;
            }

            store.Commit(temp, asOf);
            _reads = full.Count == 0 ? "every object read incrementally" : $"read in full: {string.Join("; ", full)}";
        }
        catch
        {
            MirrorStore.Abandon(temp);
            throw;
        }
    }

    /// <summary><c>hubspot (https://api.hubapi.com, crm/v3/objects)</c>: never the token.</summary>
    internal static string Describe(HubSpotSourceConfig config) =>
        $"hubspot ({config.Connection.BaseUrl.GetLeftPart(UriPartial.Authority)}, {config.Connection.ApiPrefix})";
}
