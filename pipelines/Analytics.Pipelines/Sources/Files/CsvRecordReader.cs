using System.Text;

namespace Analytics.Pipelines.Sources.Files;

/// <summary>
/// RFC 4180 CSV, read as bytes: a header row, quoted fields (with doubled quotes and embedded line breaks), LF or CRLF,
/// an optional UTF-8 byte-order mark. Each field is decoded as strict UTF-8, so one bad byte quarantines its row, not
/// the file. Empty unquoted fields are null; <c>""</c> is the empty string.
/// </summary>
internal sealed class CsvRecordReader : IRawRecordReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Stream _stream;
    private readonly byte _delimiter;
    private readonly string _file;
    private long _line = 1;

    public CsvRecordReader(string path, char delimiter)
    {
        _file = Path.GetFileName(path);
        _delimiter = (byte)delimiter;
        _stream = new BufferedStream(File.OpenRead(path), 1 << 16);
        SkipByteOrderMark();
        var header = ReadRecord(out var error, out _);
        if (header is null)
        {
            throw new InvalidDataException($"{_file}: the file is empty; a header row naming the columns is required.");
        }

        if (error is not null)
        {
            throw new InvalidDataException($"{_file}:1: the header row is unreadable: {error}");
        }

        Header = header.Select(h => (h ?? string.Empty).Trim()).ToList();
    }

    public IReadOnlyList<string> Header { get; }

    public IEnumerable<RawRecord> Records()
    {
        while (true)
        {
            var line = _line;
            var fields = ReadRecord(out var error, out var errorColumn);
            if (fields is null)
            {
                yield break;
            }

            if (fields.Length == 1 && fields[0] is null && error is null)
            {
                continue; // a blank line
            }

            yield return error is null
                ? new RawRecord(line, fields)
                : new RawRecord(line, null, error, errorColumn < Header.Count && errorColumn >= 0 ? Header[errorColumn] : null);
        }
    }

    public void Dispose() => _stream.Dispose();

    private void SkipByteOrderMark()
    {
        Span<byte> bom = stackalloc byte[3];
        var read = _stream.Read(bom);
        if (read == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
        {
            return;
        }

        _stream.Position = 0;
    }

    /// <summary>Reads one record; null at the end of the file.</summary>
    private string?[]? ReadRecord(out string? error, out int errorColumn)
    {
        error = null;
        errorColumn = -1;
        var fields = new List<string?>();
        var buffer = new MemoryStream();
        var quoted = false;
        var inQuotes = false;
        var any = false;
        var startLine = _line;
        while (true)
        {
            var b = _stream.ReadByte();
            if (b < 0)
            {
                if (!any)
                {
                    return null;
                }

                if (inQuotes)
                {
                    error ??= $"a quoted field opened on line {startLine} is never closed";
                }

                AddField(fields, buffer, quoted, ref error, ref errorColumn);
                return fields.ToArray();
            }

            any = true;
            if (inQuotes)
            {
                if (b == '"')
                {
                    if (_stream.ReadByte() is var next && next == '"')
                    {
                        buffer.WriteByte((byte)'"');
                        continue;
                    }

                    inQuotes = false;
                    if (next < 0)
                    {
                        continue;
                    }

                    b = next; // fall through to handle the byte after the closing quote
                }
                else
                {
                    if (b == '\n')
                    {
                        _line++;
                    }

                    buffer.WriteByte((byte)b);
                    continue;
                }
            }

            if (b == '"' && buffer.Length == 0 && !quoted)
            {
                quoted = true;
                inQuotes = true;
            }
            else if (b == _delimiter)
            {
                AddField(fields, buffer, quoted, ref error, ref errorColumn);
                quoted = false;
            }
            else if (b == '\n')
            {
                _line++;
                AddField(fields, buffer, quoted, ref error, ref errorColumn);
                return fields.ToArray();
            }
            else if (b == '\r')
            {
                // CRLF: the LF ends the record.
            }
            else
            {
                if (quoted)
                {
                    error ??= $"unexpected text after the closing quote of field {fields.Count + 1}";
                    errorColumn = errorColumn < 0 ? fields.Count : errorColumn;
                }

                buffer.WriteByte((byte)b);
            }
        }
    }

    private static void AddField(List<string?> fields, MemoryStream buffer, bool quoted, ref string? error, ref int errorColumn)
    {
        if (buffer.Length == 0)
        {
            fields.Add(quoted ? string.Empty : null);
        }
        else
        {
            try
            {
                fields.Add(StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            }
            catch (DecoderFallbackException e)
            {
                error ??= $"invalid UTF-8 (byte 0x{e.BytesUnknown?.FirstOrDefault():X2} at byte {e.Index + 1} of the field)";
                errorColumn = errorColumn < 0 ? fields.Count : errorColumn;
                fields.Add(null);
            }
        }

        buffer.SetLength(0);
    }
}
