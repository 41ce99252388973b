using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Analytics.TestSupport.Salesforce.Soql;
using Microsoft.AspNetCore.Http;

namespace Analytics.TestSupport.Salesforce;

public sealed partial class SalesforceContractServer
{
    // Rows written per lock of the org while a result page streams out.
    private const int RowsPerChunk = 1000;

    private readonly ConcurrentDictionary<string, BulkQueryJob> _jobs = new(StringComparer.Ordinal);
    private int _nextJob;

    /// <summary>The Bulk jobs created so far, by id, with their current states.</summary>
    public IReadOnlyDictionary<string, string> JobStates => _jobs.ToDictionary(j => j.Key, j => j.Value.State);

    private async Task CreateJobAsync(HttpContext context, string version)
    {
        string? operation;
        string? soql;
        try
        {
            var body = await JsonDocument.ParseAsync(context.Request.Body);
            operation = body.RootElement.TryGetProperty("operation", out var op) ? op.GetString() : null;
            soql = body.RootElement.TryGetProperty("query", out var q) ? q.GetString() : null;
        }
        catch (JsonException)
        {
            await WriteErrorAsync(context, 400, "JSON_PARSER_ERROR", "the body is not JSON");
            return;
        }

        if (operation is not ("query" or "queryAll") || soql is null)
        {
            await WriteErrorAsync(context, 400, "INVALIDJOB", "operation must be query or queryAll, and query is required");
            return;
        }

        if (Prepare(soql, out var error) is not { } plan)
        {
            await WriteErrorAsync(context, 400, error!.ErrorCode, error.Message);
            return;
        }

        if (plan.IsCount)
        {
            await WriteErrorAsync(context, 400, "INVALIDJOB", "Aggregate Relationships not supported in Bulk Query with CSV content type");
            return;
        }

        if (!plan.Table.BulkQueryable)
        {
            await WriteErrorAsync(context, 400, "INVALIDENTITY", $"Entity '{plan.Table.Name}' is not supported by the Bulk API.");
            return;
        }

        var id = $"750{Interlocked.Increment(ref _nextJob):D15}";
        var job = new BulkQueryJob(id, operation, plan, plan.Run(operation == "queryAll"), Org.Clock.GetUtcNow().UtcDateTime, version, Faults.TakeBulkFailure());
        _jobs[id] = job;
        await WriteJsonAsync(context, 200, JobInfo(job));
    }

    private async Task JobAsync(HttpContext context, string id)
    {
        if (!_jobs.TryGetValue(id, out var job))
        {
            await WriteErrorAsync(context, 404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }

        switch (context.Request.Method)
        {
            case "GET":
                lock (job)
                {
                    if (job.State is "UploadComplete" or "InProgress")
                    {
                        job.Polls++;
                        if (job.Polls >= Options.BulkPollsToComplete)
                        {
                            job.State = job.Failure is null ? "JobComplete" : "Failed";
                            job.ErrorMessage = job.Failure;
                        }
                        else
                        {
                            job.State = "InProgress";
                        }
                    }
                }

                await WriteJsonAsync(context, 200, JobInfo(job));
                return;
            case "PATCH":
                var body = await JsonDocument.ParseAsync(context.Request.Body);
                if (body.RootElement.TryGetProperty("state", out var state) && state.GetString() == "Aborted")
                {
                    lock (job)
                    {
                        if (job.State is "UploadComplete" or "InProgress")
                        {
                            job.State = "Aborted";
                        }
                    }

                    await WriteJsonAsync(context, 200, JobInfo(job));
                    return;
                }

                await WriteErrorAsync(context, 400, "INVALIDJOBSTATE", "only state Aborted can be set");
                return;
            case "DELETE":
                _jobs.TryRemove(id, out _);
                context.Response.StatusCode = 204;
                return;
            default:
                await WriteErrorAsync(context, 405, "METHOD_NOT_ALLOWED", "method not allowed");
                return;
        }
    }

    private async Task JobResultsAsync(HttpContext context, string id)
    {
        if (!_jobs.TryGetValue(id, out var job))
        {
            await WriteErrorAsync(context, 404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }

        if (job.State != "JobComplete")
        {
            await WriteErrorAsync(context, 400, "INVALIDJOBSTATE", $"job {id} is {job.State}, not JobComplete");
            return;
        }

        var query = context.Request.Query;
        var offset = 0;
        if (query["locator"].ToString() is { Length: > 0 } locator)
        {
            try
            {
                offset = int.Parse(Encoding.ASCII.GetString(Convert.FromBase64String(locator)), CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                await WriteErrorAsync(context, 400, "INVALID_LOCATOR", "invalid locator");
                return;
            }
        }

        var pageSize = int.TryParse(query["maxRecords"], NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0 ? max : Options.BulkPageSize;
        var end = (int)Math.Min(job.Rows.Count, (long)offset + pageSize);
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/csv";
        response.Headers["Sforce-NumberOfRecords"] = (end - offset).ToString(CultureInfo.InvariantCulture);
        response.Headers["Sforce-Locator"] = end < job.Rows.Count
            ? Convert.ToBase64String(Encoding.ASCII.GetBytes(end.ToString(CultureInfo.InvariantCulture)))
            : "null";

        // Each page streams straight to the response, a chunk of rows at a time: never the whole page as one string.
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), 1 << 16);
        writer.NewLine = "\n";
        await writer.WriteLineAsync(string.Join(',', job.Plan.Selected.Select(p => Csv(p.Text))));
        var line = new StringBuilder();
        for (var start = offset; start < end; start += RowsPerChunk)
        {
            var chunk = job.Plan.Project(job.Rows.GetRange(start, Math.Min(RowsPerChunk, end - start)));
            foreach (var values in chunk)
            {
                line.Clear();
                for (var i = 0; i < values.Length; i++)
                {
                    if (i > 0)
                    {
                        line.Append(',');
                    }

                    line.Append(Csv(SoqlValues.Csv(values[i])));
                }

                await writer.WriteLineAsync(line);
            }
        }

        await writer.FlushAsync();
    }

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;

    private static string JobInfo(BulkQueryJob job) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = job.Id,
        ["operation"] = job.Operation,
        ["object"] = job.Plan.Table.Name,
        ["createdById"] = "005000000000001",
        ["createdDate"] = SoqlValues.JsonDateTime(job.Created),
        ["systemModstamp"] = SoqlValues.JsonDateTime(job.Created),
        ["state"] = job.State,
        ["concurrencyMode"] = "Parallel",
        ["contentType"] = "CSV",
        ["apiVersion"] = decimal.Parse(job.ApiVersion, CultureInfo.InvariantCulture),
        ["jobType"] = "V2Query",
        ["lineEnding"] = "LF",
        ["columnDelimiter"] = "COMMA",
        ["numberRecordsProcessed"] = job.State == "JobComplete" ? job.Rows.Count : 0,
        ["retries"] = 0,
        ["totalProcessingTime"] = 0,
        ["errorMessage"] = job.ErrorMessage,
    });
}
