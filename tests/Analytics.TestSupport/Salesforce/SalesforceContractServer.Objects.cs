using System.Globalization;
using System.Text.Json;
using Analytics.TestSupport.Salesforce.Soql;
using Microsoft.AspNetCore.Http;

namespace Analytics.TestSupport.Salesforce;

public sealed partial class SalesforceContractServer
{
    /// <summary>How far back the <c>deleted</c> resource reaches.</summary>
    public static readonly TimeSpan DeletedHorizon = TimeSpan.FromDays(15);

    private async Task DescribeAsync(HttpContext context, string type)
    {
        string json;
        lock (Org.Gate)
        {
            if (Org.Find(type) is not { } table)
            {
                json = string.Empty;
            }
            else
            {
                var fields = table.Fields.Where(f => !Faults.IsHidden(table.Name, f.Name)).Select(f => new Dictionary<string, object?>
                {
                    ["name"] = f.Name,
                    ["type"] = f.Type.ToString().ToLowerInvariant(),
                    ["nillable"] = f.Type is not (SFieldType.Id or SFieldType.Boolean) && f.Name is not ("CreatedDate" or "LastModifiedDate" or "SystemModstamp"),
                    ["relationshipName"] = f.RelationshipName,
                    ["referenceTo"] = f.ReferenceTo is null ? Array.Empty<string>() : [f.ReferenceTo],
                }).ToList();
                json = JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["name"] = table.Name,
                    ["queryable"] = true,
                    ["custom"] = table.Name.EndsWith("__c", StringComparison.OrdinalIgnoreCase),
                    ["fields"] = fields,
                });
            }
        }

        if (json.Length == 0)
        {
            await WriteErrorAsync(context, 404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }

        await WriteJsonAsync(context, 200, json);
    }

    private async Task DeletedAsync(HttpContext context, string type)
    {
        var query = context.Request.Query;
        if (!DateTimeOffset.TryParse(query["start"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
            || !DateTimeOffset.TryParse(query["end"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end))
        {
            await WriteErrorAsync(context, 400, "INVALID_REPLICATION_DATE", "start and end must be ISO 8601 date-times");
            return;
        }

        var now = Org.Clock.GetUtcNow().UtcDateTime;
        var earliest = Minute(now - DeletedHorizon);
        var latest = Minute(end.UtcDateTime < now ? end.UtcDateTime : now);
        List<(string Id, DateTime DeletedDate)> records;
        lock (Org.Gate)
        {
            if (Org.Find(type) is not { } table)
            {
                records = [];
            }
            else
            {
                records = [.. table.DeletedLog.Where(d => d.DeletedDate >= start.UtcDateTime && d.DeletedDate >= earliest && d.DeletedDate < latest)];
            }
        }

        if (Org.Types.All(t => !t.Equals(type, StringComparison.OrdinalIgnoreCase)))
        {
            await WriteErrorAsync(context, 404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }

        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["deletedRecords"] = records.Select(r => new Dictionary<string, string> { ["id"] = r.Id, ["deletedDate"] = SoqlValues.JsonDateTime(r.DeletedDate) }).ToList(),
            ["earliestDateAvailable"] = SoqlValues.JsonDateTime(earliest),
            ["latestDateCovered"] = SoqlValues.JsonDateTime(latest),
        });
        await WriteJsonAsync(context, 200, json);
    }

    private Task LimitsAsync(HttpContext context)
    {
        var used = ApiUsed;
        return WriteJsonAsync(context, 200, string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"DailyApiRequests":{"Max":{{{Options.ApiAllowance}}},"Remaining":{{{Math.Max(0, Options.ApiAllowance - used)}}}},"DailyBulkV2QueryJobs":{"Max":10000,"Remaining":10000}}"""));
    }

    private static DateTime Minute(DateTime value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
}
