using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Analytics.TestSupport.HubSpot;

public sealed partial class HubSpotContractServer
{
    /// <summary>
    /// <c>POST /crm/v4/associations/{from}/{to}/batch/read</c>: per input its associated records with every type and label
    /// (<see cref="HubSpotContractServerOptions.AssociationsPerInput"/> a page, then <c>paging.next.after</c> per result);
    /// inputs without associations come back as 207 errors, as HubSpot sends them.
    /// </summary>
    private async Task AssociationsAsync(HttpContext context, string from, string to)
    {
        if (!await HasScopeAsync(context, HubSpotPortal.ScopeOf(from)) || !await HasScopeAsync(context, HubSpotPortal.ScopeOf(to)))
        {
            return;
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var inputs = body.RootElement.GetProperty("inputs").EnumerateArray()
            .Select(i => (Id: i.GetProperty("id").GetString()!, After: i.TryGetProperty("after", out var a) ? int.Parse(a.GetString()!, CultureInfo.InvariantCulture) : 0))
            .ToList();
        if (inputs.Count > 1000)
        {
            await WriteErrorAsync(context, 400, "VALIDATION_ERROR", "Batch association reads take at most 1000 inputs.");
            return;
        }

        var results = new List<(string From, List<(string ToId, List<PortalAssociation> Types)> To, string? Next)>();
        var missing = new List<string>();
        foreach (var (id, after) in inputs)
        {
            var grouped = Portal.AssociationsOf(from, id, to)
                .GroupBy(a => a.ToId, StringComparer.Ordinal)
                .Select(g => (ToId: g.Key, Types: g.ToList()))
                .ToList();
            if (grouped.Count == 0)
            {
                missing.Add(id);
                continue;
            }

            var page = grouped.Skip(after).Take(Options.AssociationsPerInput).ToList();
            var next = after + Options.AssociationsPerInput < grouped.Count ? (after + Options.AssociationsPerInput).ToString(CultureInfo.InvariantCulture) : null;
            results.Add((id, page, next));
        }

        await WriteJsonAsync(context, missing.Count == 0 ? 200 : 207, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "COMPLETE");
            w.WriteStartArray("results");
            foreach (var (fromId, targets, next) in results)
            {
                w.WriteStartObject();
                w.WriteStartObject("from");
                w.WriteString("id", fromId);
                w.WriteEndObject();
                w.WriteStartArray("to");
                foreach (var (toId, types) in targets)
                {
                    w.WriteStartObject();
                    if (long.TryParse(toId, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric))
                    {
                        w.WriteNumber("toObjectId", numeric);
                    }
                    else
                    {
                        w.WriteString("toObjectId", toId);
                    }

                    w.WriteStartArray("associationTypes");
                    foreach (var type in types)
                    {
                        w.WriteStartObject();
                        w.WriteString("category", type.Category);
                        w.WriteNumber("typeId", type.TypeId);
                        w.WriteString("label", type.Label);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                WritePaging(w, next);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (missing.Count > 0)
            {
                w.WriteNumber("numErrors", missing.Count);
                w.WriteStartArray("errors");
                foreach (var id in missing)
                {
                    w.WriteStartObject();
                    w.WriteString("status", "error");
                    w.WriteString("category", "OBJECT_NOT_FOUND");
                    w.WriteString("subCategory", "crm.associations.NO_ASSOCIATIONS_FOUND");
                    w.WriteString("message", $"No {to} is associated with {from} {id}.");
                    w.WriteStartObject("context");
                    w.WriteStartArray("fromObjectId");
                    w.WriteStringValue(id);
                    w.WriteEndArray();
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteString("startedAt", HubSpotPortal.Timestamp(Portal.Clock.GetUtcNow().UtcDateTime));
            w.WriteString("completedAt", HubSpotPortal.Timestamp(Portal.Clock.GetUtcNow().UtcDateTime));
            w.WriteEndObject();
        });
    }

    /// <summary><c>GET /crm/v3/pipelines/deals</c>.</summary>
    private async Task PipelinesAsync(HttpContext context)
    {
        if (!await HasScopeAsync(context, HubSpotPortal.ScopeOf("deals")))
        {
            return;
        }

        List<PortalPipeline> pipelines;
        lock (Portal.Gate)
        {
            pipelines = [.. Portal.Pipelines];
        }

        await WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("results");
            for (var p = 0; p < pipelines.Count; p++)
            {
                w.WriteStartObject();
                w.WriteString("id", pipelines[p].Id);
                w.WriteString("label", pipelines[p].Label);
                w.WriteNumber("displayOrder", p);
                w.WriteBoolean("archived", false);
                w.WriteStartArray("stages");
                for (var s = 0; s < pipelines[p].Stages.Count; s++)
                {
                    var (id, label) = pipelines[p].Stages[s];
                    var closed = label.StartsWith("Closed", StringComparison.Ordinal) ? "true" : "false";
                    w.WriteStartObject();
                    w.WriteString("id", id);
                    w.WriteString("label", label);
                    w.WriteNumber("displayOrder", s);
                    w.WriteStartObject("metadata");
                    w.WriteString("probability", label == "Closed Won" ? "1.0" : label == "Closed Lost" ? "0.0" : "0.2");
                    w.WriteString("isClosed", closed);
                    w.WriteEndObject();
                    w.WriteBoolean("archived", false);
                    w.WriteString("writePermissions", "CRM_PERMISSIONS_ENFORCEMENT");
                    w.WriteString("createdAt", "1970-01-01T00:00:00Z");
                    w.WriteString("updatedAt", "1970-01-01T00:00:00Z");
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary><c>GET /crm/v3/owners?limit&amp;after</c>.</summary>
    private async Task OwnersAsync(HttpContext context)
    {
        if (!await HasScopeAsync(context, "crm.objects.owners.read"))
        {
            return;
        }

        var query = context.Request.Query;
        var limit = Math.Clamp(int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) ? l : 100, 1, 500);
        var start = int.TryParse(query["after"], CultureInfo.InvariantCulture, out var a) ? a : 0;
        List<(string Id, string Email)> owners;
        lock (Portal.Gate)
        {
            owners = [.. Portal.Owners];
        }

        var page = owners.Skip(start).Take(limit).ToList();
        await WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("results");
            foreach (var (id, email) in page)
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteString("email", email);
                w.WriteString("firstName", email.Split('@')[0]);
                w.WriteString("lastName", string.Empty);
                w.WriteBoolean("archived", false);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WritePaging(w, start + limit < owners.Count ? (start + limit).ToString(CultureInfo.InvariantCulture) : null);
            w.WriteEndObject();
        });
    }

    /// <summary><c>GET /crm/v3/properties/{type}</c>: the properties the type's records have (hidden ones left out).</summary>
    private async Task PropertiesAsync(HttpContext context, string type)
    {
        if (!await HasScopeAsync(context, HubSpotPortal.SchemaScopeOf(type)))
        {
            return;
        }

        var table = Portal.Find(type);
        if (table is null)
        {
            await WriteErrorAsync(context, 404, "OBJECT_NOT_FOUND", $"Unable to infer object type from: {type}");
            return;
        }

        List<string> names;
        lock (Portal.Gate)
        {
            names = table.PropertyNames.Where(n => !table.Hidden.Contains(n)).ToList();
        }

        await WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("results");
            foreach (var name in names)
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("label", name);
                w.WriteString("type", "string");
                w.WriteString("fieldType", "text");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
