using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Reports.Delivery;

/// <summary>
/// The record of every delivery outcome, one JSON object per line (<c>&lt;outbox&gt;/deliveries.jsonl</c>). It is the
/// source of truth for "was this email sent?" and lives beside the outbox, not in the warehouse, because the warehouse
/// is rebuilt every night (<see cref="DeliveryLedgerTable"/> copies it in as <c>catalog.deliveries</c>).
/// Each append is flushed to disk before the next send. A crash mid-append can leave a torn last line: reading skips
/// it with a warning, and the next append removes it first so it never becomes a corrupt line in the middle.
/// </summary>
public sealed class DeliveryLedger
{
    /// <summary>The ledger's file name inside the outbox.</summary>
    public const string FileName = "deliveries.jsonl";

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        // Subjects and names stay readable in the file; it is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Action<string> _warn;

    /// <summary>A ledger at <paramref name="path"/>; the file need not exist yet.</summary>
    /// <param name="path">The JSON-lines file.</param>
    /// <param name="warn">Receives warnings (a torn last line skipped or removed); ignored when null.</param>
    public DeliveryLedger(string path, Action<string>? warn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _warn = warn ?? (_ => { });
    }

    /// <summary>The ledger file (absolute).</summary>
    public string Path { get; }

    /// <summary>The ledger of the outbox at <paramref name="outboxRoot"/>: <c>&lt;outboxRoot&gt;/deliveries.jsonl</c>.</summary>
    public static DeliveryLedger ForOutbox(string outboxRoot, Action<string>? warn = null) =>
        new(System.IO.Path.Combine(outboxRoot, FileName), warn);

    /// <summary>Every record, oldest first; empty when the file does not exist.</summary>
    /// <exception cref="InvalidDataException">A line other than a torn last one is not a delivery record (names the file and line).</exception>
    public IReadOnlyList<DeliveryRecord> Read()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path));
        var lines = text.Split('\n');
        var records = new List<DeliveryRecord>(lines.Length);
        // After a final '\n' the split leaves an empty last element; without one, the last element may be torn.
        var lastIsUnterminated = !text.EndsWith('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var isTornCandidate = lastIsUnterminated && index == lines.Length - 1;
            if (TryParse(line, out var record, out var reason))
            {
                records.Add(record);
            }
            else if (isTornCandidate)
            {
                _warn($"{Path}, line {index + 1}: incomplete last line (an interrupted write) ignored: {reason}");
            }
            else
            {
                throw new InvalidDataException($"{Path}, line {index + 1}: not a delivery record: {reason}");
            }
        }

        return records;
    }

    /// <summary>The keys of every email recorded as sent.</summary>
    public IReadOnlySet<string> SentKeys() =>
        Read().Where(r => r.Status == DeliveryStatus.Sent).Select(r => r.DeliveryKey).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when the ledger records <paramref name="deliveryKey"/> as sent.</summary>
    public bool WasSent(string deliveryKey) =>
        Read().Any(r => r.Status == DeliveryStatus.Sent && string.Equals(r.DeliveryKey, deliveryKey, StringComparison.Ordinal));

    /// <summary>Appends <paramref name="record"/> as one line and flushes it to disk; creates the file and its folder if needed.</summary>
    public void Append(DeliveryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, Json) + "\n");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        EndTail(stream);
        stream.Seek(0, SeekOrigin.End);
        stream.Write(line);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Makes the file end with a newline before appending: a complete last record only lacks its '\n'; a torn one
    /// is cut off, or the new line would be glued to it and both would be lost.
    /// </summary>
    private void EndTail(FileStream stream)
    {
        if (stream.Length == 0)
        {
            return;
        }

        stream.Seek(-1, SeekOrigin.End);
        if (stream.ReadByte() == '\n')
        {
            return;
        }

        var start = StartOfLastLine(stream);
        stream.Seek(start, SeekOrigin.Begin);
        var tail = new byte[stream.Length - start];
        stream.ReadExactly(tail);
        if (TryParse(Encoding.UTF8.GetString(tail).TrimEnd('\r'), out _, out _))
        {
            stream.Seek(0, SeekOrigin.End);
            stream.WriteByte((byte)'\n');
        }
        else
        {
            _warn($"{Path}: removed an incomplete last line of {tail.Length} bytes (an interrupted write) before appending.");
            stream.SetLength(start);
        }
    }

    private static long StartOfLastLine(FileStream stream)
    {
        var buffer = new byte[4096];
        var end = stream.Length;
        while (end > 0)
        {
            var count = (int)Math.Min(buffer.Length, end);
            stream.Seek(end - count, SeekOrigin.Begin);
            stream.ReadExactly(buffer, 0, count);
            var newline = Array.LastIndexOf(buffer, (byte)'\n', count - 1, count);
            if (newline >= 0)
            {
                return end - count + newline + 1;
            }

            end -= count;
        }

        return 0;
    }

    private static bool TryParse(string line, out DeliveryRecord record, out string reason)
    {
        try
        {
            record = JsonSerializer.Deserialize<DeliveryRecord>(line, Json)
                ?? throw new JsonException("null is not a record.");
            reason = string.Empty;
            return true;
        }
        catch (JsonException e)
        {
            record = null!;
            reason = e.Message;
            return false;
        }
    }
}
