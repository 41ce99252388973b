using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Analytics.TestSupport.HubSpot;

public sealed partial class HubSpotContractServer
{
    /// <summary><c>GET {prefix}/{type}?limit&amp;after&amp;properties&amp;propertiesWithHistory&amp;archived</c>: one page in insertion order.</summary>
    private async Task ListAsync(HttpContext context, string type)
    {
        if (!await HasScopeAsync(context, HubSpotPortal.ScopeOf(type)))
        {
            return;
        }

        var query = context.Request.Query;
        var properties = Split(query["properties"].ToString());
        var history = Split(query["propertiesWithHistory"].ToString());
        var archived = query["archived"].ToString() == "true";
        var limit = Math.Clamp(int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) ? l : 10, 1, 100);
        if (history.Count > 0)
        {
            limit = Math.Min(limit, Options.ListLimitWithHistory);
        }

        var start = int.TryParse(query["after"], CultureInfo.InvariantCulture, out var a) ? a : 0;
        var table = Portal.Find(type);
        var page = new List<PortalRecord>();
        int? next = null;
        if (table is not null)
        {
            lock (Portal.Gate)
            {
                for (var i = start; i < table.InOrder.Count; i++)
                {
                    if (table.InOrder[i].Archived != archived)
                    {
                        continue;
                    }

                    if (page.Count == limit)
                    {
                        next = i;
                        break;
                    }

                    page.Add(table.InOrder[i]);
                }
            }
        }

        await WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("results");
            foreach (var record in page)
            {
                WriteRecord(w, table!, record, properties, history);
            }

            w.WriteEndArray();
            WritePaging(w, next?.ToString(CultureInfo.InvariantCulture));
            w.WriteEndObject();
        });
    }

    /// <summary><c>POST {prefix}/{type}/search</c>: hs_lastmodifieddate filters (GTE, LT, GT, LTE), ascending by it, 200 a page, the 10,000 cap.</summary>
    private async Task SearchAsync(HttpContext context, string type)
    {
        if (!await HasScopeAsync(context, HubSpotPortal.ScopeOf(type)))
        {
            return;
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var root = body.RootElement;
        var limit = Math.Clamp(root.TryGetProperty("limit", out var l) ? l.GetInt32() : 10, 1, 200);
        var offset = root.TryGetProperty("after", out var a) ? int.Parse(a.GetString()!, CultureInfo.InvariantCulture) : 0;
        if (offset >= Options.SearchCap)
        {
            await WriteErrorAsync(context, 400, "VALIDATION_ERROR", string.Create(CultureInfo.InvariantCulture, $"There was a problem with the request: paging past {Options.SearchCap} results is not supported."));
            return;
        }

        var properties = root.TryGetProperty("properties", out var p) ? p.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        var filters = new List<Func<long, bool>>();
        if (root.TryGetProperty("filterGroups", out var groups))
        {
            foreach (var filter in groups.EnumerateArray().SelectMany(g => g.GetProperty("filters").EnumerateArray()))
            {
                if (filter.GetProperty("propertyName").GetString() != "hs_lastmodifieddate")
                {
                    await WriteErrorAsync(context, 400, "VALIDATION_ERROR", "The contract server filters on hs_lastmodifieddate only.");
                    return;
                }

                var value = long.Parse(filter.GetProperty("value").GetString()!, CultureInfo.InvariantCulture);
                Func<long, bool> test = filter.GetProperty("operator").GetString() switch
                {
                    "GTE" => m => m >= value,
                    "GT" => m => m > value,
                    "LT" => m => m < value,
                    "LTE" => m => m <= value,
                    var op => throw new InvalidOperationException($"operator {op} is not served"),
                };
                filters.Add(test);
            }
        }

        var table = Portal.Find(type);
        List<PortalRecord> matching;
        lock (Portal.Gate)
        {
            matching = table is null ? [] : table.InOrder.Where(r => !r.Archived && filters.All(f => f(r.ModifiedMs))).ToList();
        }

        matching.Sort((x, y) => x.ModifiedMs != y.ModifiedMs ? x.ModifiedMs.CompareTo(y.ModifiedMs) : string.CompareOrdinal(x.Id, y.Id));
        var page = matching.Skip(offset).Take(limit).ToList();
        var next = offset + limit < matching.Count ? (offset + limit).ToString(CultureInfo.InvariantCulture) : null;
        await WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("total", matching.Count);
            w.WriteStartArray("results");
            foreach (var record in page)
            {
                WriteRecord(w, table!, record, properties, []);
            }

            w.WriteEndArray();
            WritePaging(w, next);
            w.WriteEndObject();
        });
    }

    /// <summary><c>POST {prefix}/{type}/batch/read</c>: up to 100 ids, live records only.</summary>
    private async Task BatchReadAsync(HttpContext context, string type)
    {
        if (!await HasScopeAsync(context, HubSpotPortal.ScopeOf(type)))
        {
            return;
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var root = body.RootElement;
        var ids = root.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        if (ids.Count > 100)
        {
            await WriteErrorAsync(context, 400, "VALIDATION_ERROR", "Batch read takes at most 100 inputs.");
            return;
        }

        var properties = root.TryGetProperty("properties", out var p) ? p.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        var history = root.TryGetProperty("propertiesWithHistory", out var h) ? h.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        var table = Portal.Find(type);
        var found = new List<PortalRecord>();
        lock (Portal.Gate)
        {
            foreach (var id in ids)
            {
                if (table is not null && table.ById.TryGetValue(id, out var record) && !record.Archived)
                {
                    found.Add(record);
                }
            }
        }

        await WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "COMPLETE");
            w.WriteStartArray("results");
            foreach (var record in found)
            {
                WriteRecord(w, table!, record, properties, history);
            }

            w.WriteEndArray();
            w.WriteString("startedAt", HubSpotPortal.Timestamp(Portal.Clock.GetUtcNow().UtcDateTime));
            w.WriteString("completedAt", HubSpotPortal.Timestamp(Portal.Clock.GetUtcNow().UtcDateTime));
            w.WriteEndObject();
        });
    }

    /// <summary>A <c>SimplePublicObject</c>: id, the requested properties it has (and the default three), history newest first.</summary>
    private void WriteRecord(Utf8JsonWriter w, PortalTable table, PortalRecord record, IReadOnlyList<string> properties, IReadOnlyList<string> history)
    {
        string? created, modified;
        List<(string? Value, string Timestamp)>? versions;
        var values = new List<(string Name, string? Value)>();
        lock (Portal.Gate)
        {
            created = table.Get(record, "createdate");
            modified = table.Get(record, "hs_lastmodifieddate");
            foreach (var name in properties.Concat(["createdate", "hs_lastmodifieddate", "hs_object_id"]).Distinct(StringComparer.Ordinal))
            {
                if (table.IndexOf(name, add: false) >= 0 && !table.Hidden.Contains(name))
                {
                    values.Add((name, table.Get(record, name)));
                }
            }

            versions = record.History is null ? null : [.. record.History];
        }

        w.WriteStartObject();
        w.WriteString("id", record.Id);
        w.WriteStartObject("properties");
        foreach (var (name, value) in values)
        {
            w.WriteString(name, value);
        }

        w.WriteEndObject();
        if (history.Count > 0)
        {
            w.WriteStartObject("propertiesWithHistory");
            foreach (var name in history.Where(n => n == HubSpotPortal.StageProperty))
            {
                w.WriteStartArray(name);
                foreach (var (value, timestamp) in Enumerable.Reverse(versions ?? []))
                {
                    w.WriteStartObject();
                    w.WriteString("value", value);
                    w.WriteString("timestamp", timestamp);
                    w.WriteString("sourceType", "CRM_UI");
                    w.WriteString("sourceId", "userId:1");
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteString("createdAt", created);
        w.WriteString("updatedAt", modified);
        w.WriteBoolean("archived", record.Archived);
        if (record.ArchivedAt is not null)
        {
            w.WriteString("archivedAt", record.ArchivedAt);
        }

        w.WriteEndObject();
    }

    private static void WritePaging(Utf8JsonWriter w, string? after)
    {
        if (after is null)
        {
            return;
        }

        w.WriteStartObject("paging");
        w.WriteStartObject("next");
        w.WriteString("after", after);
        w.WriteString("link", "?after=" + after);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static List<string> Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
