using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Analytics.Sources.HubSpot.Api;

public sealed partial class HubSpotClient
{
    /// <summary>Records per list page (the list endpoint's maximum).</summary>
    public const int ListPageSize = 100;

    /// <summary>Records per search page (the search endpoint's maximum).</summary>
    public const int SearchPageSize = 200;

    /// <summary>Ids per batch read (records or associations).</summary>
    public const int BatchSize = 100;

    private const string Modified = "hs_lastmodifieddate";

    /// <summary>
    /// Every record of <paramref name="objectType"/> (<c>GET {prefix}/{objectType}</c>, 100 a page, <c>after</c> paging):
    /// the live ones, or with <paramref name="archived"/> only the archived ones (kept 90 days).
    /// </summary>
    public async IAsyncEnumerable<HubSpotRecord> ListAsync(string objectType, IReadOnlyList<string> properties, string? historyProperty, bool archived, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectType);
        ArgumentNullException.ThrowIfNull(properties);
        string? after = null;
        var pages = 0;
        do
        {
            var query = string.Create(CultureInfo.InvariantCulture, $"limit={ListPageSize}&archived={(archived ? "true" : "false")}");
            if (properties.Count > 0)
            {
                query += "&properties=" + Uri.EscapeDataString(string.Join(',', properties));
            }

            if (historyProperty is not null)
            {
                query += "&propertiesWithHistory=" + Uri.EscapeDataString(historyProperty);
            }

            if (after is not null)
            {
                query += "&after=" + Uri.EscapeDataString(after);
            }

            using var json = await GetJsonAsync($"{_connection.ApiPrefix}/{objectType}?{query}", $"the list of {(archived ? "archived " : string.Empty)}{objectType}", objectType, ct).ConfigureAwait(false);
            foreach (var result in Results(json.RootElement, objectType))
            {
                yield return Record(result, historyProperty, objectType);
            }

            after = NextAfter(json.RootElement);
            CheckPages(++pages, objectType, "list");
        }
        while (after is not null);
    }

    /// <summary>
    /// Every record of <paramref name="objectType"/> whose <c>hs_lastmodifieddate</c> is in [<paramref name="from"/>,
    /// <paramref name="to"/>), through the search endpoint (200 a page, no associations, never archived records). A window
    /// whose total reaches the 10,000-result cap is split in halves until none does; a window whose total changed while it
    /// was paged (a record left it) is read again, so that no record is skipped. A record may come more than once.
    /// </summary>
    public async IAsyncEnumerable<HubSpotRecord> ModifiedAsync(string objectType, IReadOnlyList<string> properties, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectType);
        var windows = new Stack<(long From, long To, int Attempt)>();
        windows.Push((from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), 1));
        while (windows.Count > 0)
        {
            var (lo, hi, attempt) = windows.Pop();
            if (hi <= lo)
            {
                continue;
            }

            long? total = null;
            long seen = 0;
            string? after = null;
            var pages = 0;
            var split = false;
            do
            {
                using var json = await SearchAsync(objectType, properties, lo, hi, after, SearchPageSize, ct).ConfigureAwait(false);
                var pageTotal = json.RootElement.TryGetProperty("total", out var t) && t.TryGetInt64(out var n) ? n : 0;
                if (total is null && pageTotal >= _connection.SearchCap)
                {
                    if (hi - lo <= 1)
                    {
                        throw new HubSpotException(HubSpotErrorKind.BadResponse, string.Create(CultureInfo.InvariantCulture,
                            $"{objectType}: {pageTotal:N0} records changed within one millisecond ({DateTimeOffset.FromUnixTimeMilliseconds(lo):O}); the search cannot page past {_connection.SearchCap:N0}. Read it in full (delete its mirror in source.hubspot.state_folder)."), objectType);
                    }

                    var mid = lo + ((hi - lo) / 2);
                    windows.Push((mid, hi, 1));
                    windows.Push((lo, mid, 1));
                    _progress?.Report(string.Create(CultureInfo.InvariantCulture, $"HubSpot: {objectType} has {pageTotal:N0} changes in one search window; splitting it in two"));
                    split = true;
                    break;
                }

                total ??= pageTotal;
                foreach (var result in Results(json.RootElement, objectType))
                {
                    seen++;
                    yield return Record(result, null, objectType);
                }

                after = NextAfter(json.RootElement);
                CheckPages(++pages, objectType, "search");
            }
            while (after is not null);

            if (!split && seen != total)
            {
                if (attempt >= 3)
                {
                    throw new HubSpotException(HubSpotErrorKind.BadResponse, string.Create(CultureInfo.InvariantCulture,
                        $"{objectType}: the search window from {DateTimeOffset.FromUnixTimeMilliseconds(lo):O} said {total} records but gave {seen}, three times; the portal changes too fast to read it incrementally now. Run again later."), objectType);
                }

                windows.Push((lo, hi, attempt + 1));
            }
        }
    }

    /// <summary>How many records of <paramref name="objectType"/> the search sees (live ones only), from one search of one result.</summary>
    public async Task<long> CountAsync(string objectType, CancellationToken ct)
    {
        using var json = await SearchAsync(objectType, [], null, null, null, 1, ct).ConfigureAwait(false);
        return json.RootElement.TryGetProperty("total", out var t) && t.TryGetInt64(out var n) ? n : 0;
    }

    /// <summary>
    /// The records <paramref name="ids"/> of <paramref name="objectType"/> (100 a call, <c>POST .../batch/read</c>), with
    /// <paramref name="historyProperty"/>'s history; ids that no longer exist are left out.
    /// </summary>
    public async IAsyncEnumerable<HubSpotRecord> BatchReadAsync(string objectType, IEnumerable<string> ids, IReadOnlyList<string> properties, string? historyProperty, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            var body = new Dictionary<string, object>
            {
                ["inputs"] = chunk.Select(id => new Dictionary<string, string> { ["id"] = id }).ToList(),
                ["properties"] = properties,
                ["propertiesWithHistory"] = historyProperty is null ? Array.Empty<string>() : [historyProperty],
            };
            using var json = await PostJsonAsync($"{_connection.ApiPrefix}/{objectType}/batch/read?archived=false", body, $"a batch read of {objectType}", objectType, ct).ConfigureAwait(false);
            foreach (var result in Results(json.RootElement, objectType))
            {
                yield return Record(result, historyProperty, objectType);
            }
        }
    }

    private async Task<JsonDocument> SearchAsync(string objectType, IReadOnlyList<string> properties, long? from, long? to, string? after, int limit, CancellationToken ct)
    {
        var filters = new List<Dictionary<string, string>>();
        if (from is { } lo)
        {
            filters.Add(new() { ["propertyName"] = Modified, ["operator"] = "GTE", ["value"] = lo.ToString(CultureInfo.InvariantCulture) });
        }

        if (to is { } hi)
        {
            filters.Add(new() { ["propertyName"] = Modified, ["operator"] = "LT", ["value"] = hi.ToString(CultureInfo.InvariantCulture) });
        }

        var body = new Dictionary<string, object>
        {
            ["filterGroups"] = filters.Count == 0 ? Array.Empty<object>() : [new Dictionary<string, object> { ["filters"] = filters }],
            ["sorts"] = new[] { new Dictionary<string, string> { ["propertyName"] = Modified, ["direction"] = "ASCENDING" } },
            ["properties"] = properties,
            ["limit"] = limit,
        };
        if (after is not null)
        {
            body["after"] = after;
        }

        await PaceSearchAsync(ct).ConfigureAwait(false);
        return await PostJsonAsync($"{_connection.ApiPrefix}/{objectType}/search", body, $"a search of {objectType}", objectType, ct).ConfigureAwait(false);
    }

    private void CheckPages(int pages, string objectType, string what)
    {
        if (pages > _connection.MaxPages)
        {
            throw new HubSpotException(HubSpotErrorKind.BadResponse, string.Create(CultureInfo.InvariantCulture,
                $"{objectType}: the {what} went past {_connection.MaxPages:N0} pages (source.hubspot.max_pages) and was stopped as runaway paging."), objectType);
        }
    }

    private static JsonElement.ArrayEnumerator Results(JsonElement root, string objectType) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array
            ? results.EnumerateArray()
            : throw new HubSpotException(HubSpotErrorKind.BadResponse, $"{objectType}: HubSpot's answer has no results list.", objectType);

    /// <summary>The cursor of the next page (<c>paging.next.after</c>), or null on the last page.</summary>
    internal static string? NextAfter(JsonElement root) =>
        root.TryGetProperty("paging", out var paging) && paging.ValueKind == JsonValueKind.Object
        && paging.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.Object
        && next.TryGetProperty("after", out var after) && after.ValueKind == JsonValueKind.String
            ? after.GetString()
            : null;

    private static HubSpotRecord Record(JsonElement result, string? historyProperty, string objectType)
    {
        if (!result.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String)
        {
            throw new HubSpotException(HubSpotErrorKind.BadResponse, $"{objectType}: a record without an id.", objectType);
        }

        var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (result.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in props.EnumerateObject())
            {
                properties[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => property.Value.GetString(),
                    _ => property.Value.GetRawText(),
                };
            }
        }

        var history = new List<PropertyVersion>();
        if (historyProperty is not null && result.TryGetProperty("propertiesWithHistory", out var withHistory) && withHistory.ValueKind == JsonValueKind.Object
            && withHistory.TryGetProperty(historyProperty, out var versions) && versions.ValueKind == JsonValueKind.Array)
        {
            foreach (var version in versions.EnumerateArray())
            {
                history.Add(new PropertyVersion(
                    version.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null,
                    version.TryGetProperty("timestamp", out var ts) && ts.ValueKind == JsonValueKind.String ? ts.GetString()! : string.Empty));
            }
        }

        var archivedAt = result.TryGetProperty("archivedAt", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        return new HubSpotRecord(idElement.GetString()!, properties, history, archivedAt);
    }
}
