using System.Buffers;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Analytics.Sources.Salesforce.Api;

public sealed partial class SalesforceClient
{
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Streams the rows of <paramref name="soql"/> through a Bulk 2.0 query (or queryAll) job: creates it, polls it with
    /// growing waits on the clock until JobComplete, then reads the CSV result pages until the locator is "null". The
    /// texts equal <see cref="QueryAsync"/>'s. Cancelling aborts the job; a Failed or Aborted job is a
    /// <see cref="SalesforceErrorKind.BulkJobFailed"/> with the job's errorMessage.
    /// </summary>
    public async IAsyncEnumerable<string?[]> BulkQueryAsync(string soql, IReadOnlyList<SelectedField> fields, bool includeDeleted, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(soql);
        ArgumentNullException.ThrowIfNull(fields);
        var sObject = ObjectOf(soql);
        var jobId = await CreateJobAsync(soql, includeDeleted, sObject, ct).ConfigureAwait(false);
        // Until the job has ended (JobComplete, Failed, Aborted) a cancellation or error leaves it running in the org: abort it then.
        var running = true;
        try
        {
            try
            {
                await WaitForJobAsync(jobId, sObject, ct).ConfigureAwait(false);
            }
            catch (SalesforceException e) when (e.Kind == SalesforceErrorKind.BulkJobFailed)
            {
                running = false;
                throw;
            }

            running = false;
            string? locator = null;
            var rows = new List<string?[]>();
            do
            {
                var resultsPath = DataPath($"jobs/query/{jobId}/results") + (locator is null ? string.Empty : "?locator=" + Uri.EscapeDataString(locator));
                using var response = await SendAsync(
                    instance => new HttpRequestMessage(HttpMethod.Get, new Uri(instance, resultsPath)),
                    $"the Bulk results of {sObject}",
                    sObject,
                    ct).ConfigureAwait(false);
                locator = response.Headers.TryGetValues("Sforce-Locator", out var values) ? values.FirstOrDefault() : "null";
                var csv = new BulkCsvReader(fields);
                await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                using var text = new StreamReader(stream, Encoding.UTF8);
                var chars = ArrayPool<char>.Shared.Rent(32 * 1024);
                try
                {
                    int read;
                    while ((read = await ReadStalledAsync(token => text.ReadAsync(chars.AsMemory(), token), sObject, ct).ConfigureAwait(false)) > 0)
                    {
                        csv.Feed(chars.AsSpan(0, read), rows);
                        foreach (var row in rows)
                        {
                            yield return row;
                        }

                        rows.Clear();
                    }

                    csv.Finish(rows);
                    foreach (var row in rows)
                    {
                        yield return row;
                    }

                    rows.Clear();
                }
                finally
                {
                    ArrayPool<char>.Shared.Return(chars);
                }
            }
            while (!string.IsNullOrEmpty(locator) && locator != "null");
        }
        finally
        {
            if (running)
            {
                // Best effort, never hiding the first error.
                await AbortJobAsync(jobId).ConfigureAwait(false);
            }
        }
    }

    private async Task<string> CreateJobAsync(string soql, bool includeDeleted, string sObject, CancellationToken ct)
    {
        var body = new Dictionary<string, string>
        {
            ["operation"] = includeDeleted ? "queryAll" : "query",
            ["query"] = soql,
            ["contentType"] = "CSV",
            ["columnDelimiter"] = "COMMA",
            ["lineEnding"] = "LF",
        };
        using var response = await SendAsync(
            instance => new HttpRequestMessage(HttpMethod.Post, new Uri(instance, DataPath("jobs/query"))) { Content = JsonContent.Create(body) },
            $"the Bulk job for {sObject}",
            sObject,
            ct).ConfigureAwait(false);
        var info = await ReadJobAsync(response, ct).ConfigureAwait(false);
        _progress?.Report($"Salesforce: Bulk {body["operation"]} job {info.Id} for {sObject} created");
        return info.Id;
    }

    private async Task WaitForJobAsync(string jobId, string sObject, CancellationToken ct)
    {
        var wait = _connection.BulkPollInterval;
        while (true)
        {
            await Task.Delay(wait, _clock, ct).ConfigureAwait(false);
            using var response = await SendAsync(
                instance => new HttpRequestMessage(HttpMethod.Get, new Uri(instance, DataPath($"jobs/query/{jobId}"))),
                $"the Bulk job state of {sObject}",
                sObject,
                ct).ConfigureAwait(false);
            var info = await ReadJobAsync(response, ct).ConfigureAwait(false);
            switch (info.State)
            {
                case "JobComplete":
                    return;
                case "Failed" or "Aborted":
                    throw new SalesforceException(
                        SalesforceErrorKind.BulkJobFailed,
                        Redact($"{sObject}: the Bulk query job {jobId} ended {info.State} ({Short(info.ErrorMessage ?? "no error message")}); the previous snapshot is kept. Narrow the filter in source.salesforce.mapping for {sObject} or run again."),
                        sObject);
            }

            wait = TimeSpan.FromTicks(Math.Min(LongestPoll.Ticks, (long)(wait.Ticks * 1.5)));
        }
    }

    private async Task AbortJobAsync(string jobId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var response = await SendAsync(
                instance => new HttpRequestMessage(HttpMethod.Patch, new Uri(instance, DataPath($"jobs/query/{jobId}")))
                {
                    Content = JsonContent.Create(new Dictionary<string, string> { ["state"] = "Aborted" }),
                },
                $"aborting Bulk job {jobId}",
                null,
                timeout.Token).ConfigureAwait(false);
            _progress?.Report($"Salesforce: Bulk job {jobId} aborted");
        }
        catch (Exception e) when (e is SalesforceException or OperationCanceledException or HttpRequestException)
        {
            _progress?.Report($"Salesforce: Bulk job {jobId} could not be aborted ({e.GetType().Name}); Salesforce ends it by itself");
        }
    }

    private static async Task<BulkJobInfo> ReadJobAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
        var root = json.RootElement;
        return new BulkJobInfo(
            root.GetProperty("id").GetString()!,
            root.TryGetProperty("state", out var s) ? s.GetString() ?? string.Empty : string.Empty,
            root.TryGetProperty("errorMessage", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null);
    }

    private sealed record BulkJobInfo(string Id, string State, string? ErrorMessage);
}
