using System.Globalization;
using System.Text.Json;

namespace Analytics.Pipelines.Sources.Files;

/// <summary>
/// JSON lines: one object per line. The header is the set of property names seen in the first object (later objects
/// may omit properties; unknown properties are ignored). Strings, numbers and booleans become field texts exactly as
/// written; nested objects and arrays are errors. System.Text.Json rejects invalid UTF-8 per line.
/// </summary>
internal sealed class JsonLinesRecordReader : IRawRecordReader
{
    private readonly string _path;
    private readonly List<string> _header = [];
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);

    public JsonLinesRecordReader(string path, IEnumerable<string> expectedColumns)
    {
        _path = path;
        // A JSON object names its fields itself: every expected column is a position, present or not.
        foreach (var column in expectedColumns)
        {
            _positions[column] = _header.Count;
            _header.Add(column);
        }
    }

    public IReadOnlyList<string> Header => _header;

    public IEnumerable<RawRecord> Records()
    {
        long line = 0;
        foreach (var bytes in ReadLines())
        {
            line++;
            if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                continue;
            }

            yield return Parse(line, bytes);
        }
    }

    public void Dispose()
    {
    }

    private RawRecord Parse(long line, byte[] bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            var problem = e.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) || e.InnerException is System.Text.DecoderFallbackException
                ? "invalid UTF-8"
                : "not valid JSON";
            return new RawRecord(line, null, $"{problem}: {e.Message.Split(" Path:")[0]}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new RawRecord(line, null, "each line must be one JSON object");
            }

            var fields = new string?[_header.Count];
            var given = new bool[_header.Count];
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!_positions.TryGetValue(property.Name, out var position))
                {
                    continue;
                }

                if (given[position])
                {
                    // System.Text.Json keeps both; reading either would silently drop the other.
                    return new RawRecord(line, null, $"property '{property.Name}' appears twice in the object", property.Name);
                }

                given[position] = true;

                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        fields[position] = property.Value.GetString();
                        break;
                    case JsonValueKind.Number:
                        fields[position] = property.Value.GetRawText();
                        break;
                    case JsonValueKind.True or JsonValueKind.False:
                        fields[position] = property.Value.GetBoolean().ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        return new RawRecord(line, null, $"property '{property.Name}' is a JSON {property.Value.ValueKind.ToString().ToLowerInvariant()}, not a single value", property.Name);
                }
            }

            return new RawRecord(line, fields);
        }
    }

    private IEnumerable<byte[]> ReadLines()
    {
        using var stream = new BufferedStream(File.OpenRead(_path), 1 << 16);
        var line = new MemoryStream();
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            if (b == '\n')
            {
                yield return line.ToArray();
                line.SetLength(0);
            }
            else
            {
                line.WriteByte((byte)b);
            }
        }

        if (line.Length > 0)
        {
            yield return line.ToArray();
        }
    }
}
