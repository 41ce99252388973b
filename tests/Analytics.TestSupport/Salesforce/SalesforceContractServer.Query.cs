using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Analytics.TestSupport.Salesforce.Soql;
using Microsoft.AspNetCore.Http;

namespace Analytics.TestSupport.Salesforce;

public sealed partial class SalesforceContractServer
{
    // Open REST query cursors: id → the plan and its snapshot of matching rows.
    private readonly ConcurrentDictionary<string, (SoqlPlan Plan, List<object?[]> Rows)> _cursors = new(StringComparer.Ordinal);
    private int _nextCursor;

    private SoqlPlan? Prepare(string soql, out SoqlException? error)
    {
        try
        {
            error = null;
            return SoqlPlan.Prepare(Org, soql, Faults.IsHidden);
        }
        catch (SoqlException e)
        {
            error = e;
            return null;
        }
    }

    private async Task QueryAsync(HttpContext context, string version, bool includeDeleted)
    {
        var soql = context.Request.Query["q"].ToString();
        if (Prepare(soql, out var error) is not { } plan)
        {
            await WriteErrorAsync(context, 400, error!.ErrorCode, error.Message);
            return;
        }

        var rows = plan.Run(includeDeleted);
        if (plan.IsCount)
        {
            await WriteJsonAsync(context, 200, string.Create(CultureInfo.InvariantCulture, $$"""{"totalSize":{{rows.Count}},"done":true,"records":[]}"""));
            return;
        }

        var id = $"01g{Interlocked.Increment(ref _nextCursor):D15}";
        _cursors[id] = (plan, rows);
        await WritePageAsync(context, version, id, 0);
    }

    private async Task QueryMoreAsync(HttpContext context, string version, string locator)
    {
        var dash = locator.LastIndexOf('-');
        if (dash < 0 || !int.TryParse(locator[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) || !_cursors.ContainsKey(locator[..dash]))
        {
            await WriteErrorAsync(context, 400, "INVALID_QUERY_LOCATOR", "invalid query locator");
            return;
        }

        await WritePageAsync(context, version, locator[..dash], offset);
    }

    private async Task WritePageAsync(HttpContext context, string version, string cursorId, int offset)
    {
        var (plan, rows) = _cursors[cursorId];
        var end = Math.Min(rows.Count, offset + Options.QueryBatchSize);
        var done = end >= rows.Count;
        if (done)
        {
            _cursors.TryRemove(cursorId, out _);
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json;charset=UTF-8";
        await using (var w = new Utf8JsonWriter(context.Response.Body))
        {
            w.WriteStartObject();
            w.WriteNumber("totalSize", rows.Count);
            w.WriteBoolean("done", done);
            if (!done)
            {
                w.WriteString("nextRecordsUrl", $"/services/data/v{version}/query/{cursorId}-{end}");
            }

            w.WriteStartArray("records");
            lock (Org.Gate)
            {
                for (var i = offset; i < end; i++)
                {
                    RecordJson.Write(w, Org, version, plan.Table, rows[i], plan.SelectedParts);
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
            await w.FlushAsync();
        }
    }
}
