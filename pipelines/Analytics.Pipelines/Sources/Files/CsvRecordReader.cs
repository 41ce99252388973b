using System.Text;

namespace Analytics.Pipelines.Sources.Files;

/// <summary>
/// RFC 4180 CSV, read as bytes: a header row, quoted fields (with doubled quotes and embedded line breaks), LF or CRLF,
/// an optional UTF-8 byte-order mark. Each field is decoded as strict UTF-8, so one bad byte quarantines its row, not
/// the file. Empty unquoted fields are null; <c>""</c> is the empty string.
/// A quoted field that is never closed, or that runs across a line break and on for more than the longest accepted
/// text, is a runaway quote (a stray or unescaped <c>"</c>): it would swallow every row after it into one field, so
/// the whole file is refused, naming the line the quote opened on.
/// </summary>
internal sealed class CsvRecordReader : IRawRecordReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Stream _stream;
    private readonly byte _delimiter;
    private readonly string _file;
    private readonly int _maxQuotedLength;
    private long _line = 1;

    /// <param name="path">The file.</param>
    /// <param name="delimiter">The field separator.</param>
    /// <param name="maxQuotedLength">
    /// The longest a quoted field spanning more than one line may grow, in characters (<c>extract.max_text_length</c>),
    /// before it is taken for a runaway quote and the file is refused.
    /// </param>
    public CsvRecordReader(string path, char delimiter, int maxQuotedLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxQuotedLength);
        _file = Path.GetFileName(path);
        _maxQuotedLength = maxQuotedLength;
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
    /// <exception cref="InvalidDataException">A runaway quoted field: the file cannot be split into records.</exception>
    private string?[]? ReadRecord(out string? error, out int errorColumn)
    {
        error = null;
        errorColumn = -1;
        var fields = new List<string?>();
        var buffer = new MemoryStream();
        var quoted = false;
        var inQuotes = false;
        var any = false;
        var quoteLine = _line;
        long quotedChars = 0;
        var quoteSpansLines = false;
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
                    throw Runaway(quoteLine, fields.Count, "is never closed before the end of the file");
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
                        quoteSpansLines = true;
                    }

                    if ((b & 0xC0) != 0x80)
                    {
                        quotedChars++; // UTF-8 continuation bytes do not start a character
                    }

                    if (quoteSpansLines && quotedChars > _maxQuotedLength)
                    {
                        throw Runaway(quoteLine, fields.Count,
                            $"runs on across line breaks to line {_line} and past {_maxQuotedLength:N0} characters (extract.max_text_length) without closing");
                    }

                    buffer.WriteByte((byte)b);
                    continue;
                }
            }

            if (b == '"' && buffer.Length == 0 && !quoted)
            {
                quoted = true;
                inQuotes = true;
                quoteLine = _line;
                quotedChars = 0;
                quoteSpansLines = false;
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

    private InvalidDataException Runaway(long quoteLine, int column, string what)
    {
        var name = Header is { } header && column < header.Count ? $" (column '{header[column]}')" : string.Empty;
        return new InvalidDataException(
            $"{_file}:{quoteLine}: the quoted field{name} opened on line {quoteLine} {what}; a stray or unescaped quote " +
            $"would swallow every row after it, so the file is refused. Close the quote, or double it (\"\") inside a quoted field, on line {quoteLine}.");
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
