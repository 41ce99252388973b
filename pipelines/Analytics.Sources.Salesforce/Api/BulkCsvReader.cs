using System.Text;

namespace Analytics.Sources.Salesforce.Api;

/// <summary>
/// Parses a Bulk 2.0 result page (RFC 4180 CSV, comma, LF or CRLF, a header row of field paths) as its characters
/// arrive; rows come out in the order of the selected fields whatever the header's order, empty texts as null.
/// </summary>
internal sealed class BulkCsvReader
{
    private readonly IReadOnlyList<SelectedField> _fields;
    private readonly StringBuilder _field = new();
    private readonly List<string> _record = [];
    private int[]? _map;
    private bool _inQuotes;
    private bool _quoteSeen;
    private bool _fieldStarted;

    public BulkCsvReader(IReadOnlyList<SelectedField> fields) => _fields = fields;

    public void Feed(ReadOnlySpan<char> chars, List<string?[]> rows)
    {
        foreach (var c in chars)
        {
            if (_inQuotes)
            {
                if (_quoteSeen)
                {
                    _quoteSeen = false;
                    if (c == '"')
                    {
                        _field.Append('"');
                        continue;
                    }

                    _inQuotes = false;
                }
                else if (c == '"')
                {
                    _quoteSeen = true;
                    continue;
                }
                else
                {
                    _field.Append(c);
                    continue;
                }
            }

            switch (c)
            {
                case '"' when !_fieldStarted:
                    _inQuotes = true;
                    _fieldStarted = true;
                    break;
                case ',':
                    EndField();
                    break;
                case '\n':
                    EndRecord(rows);
                    break;
                case '\r':
                    break;
                default:
                    _field.Append(c);
                    _fieldStarted = true;
                    break;
            }
        }
    }

    public void Finish(List<string?[]> rows)
    {
        if (_inQuotes && !_quoteSeen)
        {
            throw new SalesforceException(SalesforceErrorKind.Other, "a Bulk result page ended inside a quoted value; the download was cut short.");
        }

        _inQuotes = false;
        _quoteSeen = false;
        if (_fieldStarted || _record.Count > 0)
        {
            EndRecord(rows);
        }

        _map = null;
    }

    private void EndField()
    {
        _record.Add(_field.ToString());
        _field.Clear();
        _fieldStarted = false;
    }

    private void EndRecord(List<string?[]> rows)
    {
        EndField();
        if (_map is null)
        {
            _map = [.. _fields.Select(f => _record.FindIndex(h => string.Equals(h, f.Path, StringComparison.OrdinalIgnoreCase)))];
            var missing = _fields.Where((f, i) => _map[i] < 0).Select(f => f.Path).ToList();
            if (missing.Count > 0)
            {
                throw new SalesforceException(SalesforceErrorKind.Other, $"a Bulk result page lacks the column(s) {string.Join(", ", missing)}.");
            }
        }
        else
        {
            var row = new string?[_fields.Count];
            for (var i = 0; i < row.Length; i++)
            {
                var text = _map[i] < _record.Count ? _record[_map[i]] : string.Empty;
                row[i] = text.Length == 0 ? null : CanonicalText.From(text, _fields[i].Type, _fields[i].Path);
            }

            rows.Add(row);
        }

        _record.Clear();
    }
}
