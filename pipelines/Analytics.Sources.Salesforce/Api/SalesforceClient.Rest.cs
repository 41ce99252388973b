using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Analytics.Sources.Salesforce.Api;

public sealed partial class SalesforceClient
{
    private static readonly Regex FromObject = new(@"\bFROM\s+([A-Za-z0-9_]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private string DataPath(string rest) => $"services/data/v{_connection.ApiVersion}/{rest}";

    /// <summary>Describes <paramref name="sobject"/>; null when the org has no such object (404 NOT_FOUND).</summary>
    public async Task<SObjectDescription?> DescribeAsync(string sobject, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sobject);
        using var response = await SendAsync(
            instance => new HttpRequestMessage(HttpMethod.Get, new Uri(instance, DataPath($"sobjects/{Uri.EscapeDataString(sobject)}/describe"))),
            $"describe {sobject}",
            sobject,
            ct,
            notFoundIsNull: true).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
        var root = json.RootElement;
        var fields = root.GetProperty("fields").EnumerateArray().Select(f => new SalesforceField(
            f.GetProperty("name").GetString()!,
            f.GetProperty("type").GetString()!,
            f.TryGetProperty("nillable", out var n) && n.ValueKind == JsonValueKind.True,
            f.TryGetProperty("relationshipName", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null,
            f.TryGetProperty("referenceTo", out var to) && to.ValueKind == JsonValueKind.Array ? [.. to.EnumerateArray().Select(x => x.GetString()!)] : [])).ToList();
        return new SObjectDescription(
            root.GetProperty("name").GetString()!,
            !root.TryGetProperty("queryable", out var q) || q.ValueKind != JsonValueKind.False,
            fields);
    }

    /// <summary>Counts the rows of <c>SELECT COUNT() FROM {from} WHERE {where}</c>, deleted rows too when <paramref name="includeDeleted"/>.</summary>
    public async Task<long> CountAsync(string from, string? where, bool includeDeleted, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        var soql = string.IsNullOrWhiteSpace(where) ? $"SELECT COUNT() FROM {from}" : $"SELECT COUNT() FROM {from} WHERE {where}";
        using var response = await SendAsync(
            instance => new HttpRequestMessage(HttpMethod.Get, QueryUri(instance, soql, includeDeleted)),
            $"the count of {from}",
            from,
            ct).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
        return json.RootElement.GetProperty("totalSize").GetInt64();
    }

    /// <summary>
    /// Streams the rows of <paramref name="soql"/> through REST query (or queryAll when <paramref name="includeDeleted"/>),
    /// following <c>nextRecordsUrl</c>; each row holds the values of <paramref name="fields"/> in order as canonical texts.
    /// Pages are read token by token as they arrive: memory stays flat whatever the object's size.
    /// </summary>
    public async IAsyncEnumerable<string?[]> QueryAsync(string soql, IReadOnlyList<SelectedField> fields, bool includeDeleted, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(soql);
        ArgumentNullException.ThrowIfNull(fields);
        var sObject = ObjectOf(soql);
        string? next = null;
        var first = true;
        var rows = new List<string?[]>();
        while (first || next is not null)
        {
            var nextUrl = next;
            using var response = await SendAsync(
                instance => new HttpRequestMessage(HttpMethod.Get, first ? QueryUri(instance, soql, includeDeleted) : new Uri(instance, nextUrl!.TrimStart('/'))),
                $"the {(includeDeleted ? "queryAll" : "query")} of {sObject}",
                sObject,
                ct).ConfigureAwait(false);
            first = false;
            var reader = new RestPageReader(fields);
            await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                var filled = 0;
                while (true)
                {
                    if (filled == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, filled).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }

                    var read = await ReadStalledAsync(token => stream.ReadAsync(buffer.AsMemory(filled), token), sObject, ct).ConfigureAwait(false);
                    filled += read;
                    var final = read == 0;
                    int consumed;
                    try
                    {
                        consumed = reader.Feed(buffer.AsSpan(0, filled), final, rows);
                    }
                    catch (JsonException e)
                    {
                        throw new SalesforceException(SalesforceErrorKind.Other, $"{sObject}: a query page from Salesforce is not valid JSON ({e.Message}).", sObject);
                    }

                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                    foreach (var row in rows)
                    {
                        yield return row;
                    }

                    rows.Clear();
                    if (final)
                    {
                        break;
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            next = reader.NextRecordsUrl;
        }
    }

    /// <summary>The records of <paramref name="sobject"/> deleted between <paramref name="start"/> and <paramref name="end"/> (the org keeps about 15 days).</summary>
    public async Task<DeletedRecords> GetDeletedAsync(string sobject, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sobject);
        var query = string.Create(
            CultureInfo.InvariantCulture,
            $"?start={Uri.EscapeDataString(start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture))}&end={Uri.EscapeDataString(end.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture))}");
        using var response = await SendAsync(
            instance => new HttpRequestMessage(HttpMethod.Get, new Uri(instance, DataPath($"sobjects/{Uri.EscapeDataString(sobject)}/deleted/") + query)),
            $"the deleted records of {sobject}",
            sobject,
            ct).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
        var root = json.RootElement;
        var records = root.GetProperty("deletedRecords").EnumerateArray()
            .Select(r => new DeletedRecord(r.GetProperty("id").GetString()!, SalesforceTimestamp.Parse(r.GetProperty("deletedDate").GetString()!)))
            .ToList();
        return new DeletedRecords(
            records,
            SalesforceTimestamp.Parse(root.GetProperty("earliestDateAvailable").GetString()!),
            SalesforceTimestamp.Parse(root.GetProperty("latestDateCovered").GetString()!));
    }

    /// <summary>
    /// One read of a response body, given up when no byte comes for <see cref="SalesforceConnection.RequestTimeout"/>:
    /// a page half read cannot be retried (its rows are already out), so a stall fails the read as transient.
    /// </summary>
    private async Task<int> ReadStalledAsync(Func<CancellationToken, ValueTask<int>> read, string sObject, CancellationToken ct)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        idle.CancelAfter(_connection.RequestTimeout);
        try
        {
            return await read(idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SalesforceException(
                SalesforceErrorKind.Transient,
                string.Create(CultureInfo.InvariantCulture, $"{sObject}: Salesforce stopped sending a page for {_connection.RequestTimeout.TotalSeconds:0.#} s; the previous snapshot is kept. Run again later."),
                sObject);
        }
        catch (IOException e)
        {
            throw new SalesforceException(SalesforceErrorKind.Transient, $"{sObject}: the connection broke while reading a page ({e.GetType().Name}); the previous snapshot is kept. Run again later.", sObject);
        }
    }

    private Uri QueryUri(Uri instance, string soql, bool includeDeleted) =>
        new(instance, DataPath(includeDeleted ? "queryAll" : "query") + "?q=" + Uri.EscapeDataString(soql));

    private static string ObjectOf(string soql) => FromObject.Match(soql) is { Success: true } m ? m.Groups[1].Value : "the query";
}
