using System.Text.Json;

namespace Analytics.Sources.Salesforce.Api;

/// <summary>
/// Reads a REST query page (<c>{"totalSize":…,"done":…,"nextRecordsUrl":…,"records":[…]}</c>) token by token with
/// <see cref="Utf8JsonReader"/> as its bytes arrive: a record becomes a row of canonical texts when its object closes,
/// and nothing but the current record and the unread bytes is held. Relationship values are found by their dotted path
/// (<c>"Owner":{"Email":…}</c> → Owner.Email); a null parent leaves its columns null.
/// </summary>
internal sealed class RestPageReader
{
    private const int RecordDepth = 2;
    private const int FieldDepth = 3;

    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyList<SelectedField> _fields;
    private readonly List<string> _names = [];
    private JsonReaderState _state;
    private bool _inRecords;
    private string?[]? _row;

    public RestPageReader(IReadOnlyList<SelectedField> fields)
    {
        _fields = fields;
        for (var i = 0; i < fields.Count; i++)
        {
            _columns[fields[i].Path] = i;
        }
    }

    public string? NextRecordsUrl { get; private set; }

    public long TotalSize { get; private set; }

    /// <summary>Reads what it can of <paramref name="bytes"/>, adding finished rows to <paramref name="rows"/>; returns the bytes consumed.</summary>
    public int Feed(ReadOnlySpan<byte> bytes, bool final, List<string?[]> rows)
    {
        var reader = new Utf8JsonReader(bytes, final, _state);
        while (reader.Read())
        {
            var depth = reader.CurrentDepth;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    SetName(depth, reader.GetString()!);
                    break;
                case JsonTokenType.StartArray:
                    if (depth == 1 && Name(1) == "records")
                    {
                        _inRecords = true;
                    }

                    break;
                case JsonTokenType.EndArray:
                    if (depth == 1)
                    {
                        _inRecords = false;
                    }

                    break;
                case JsonTokenType.StartObject:
                    if (_inRecords && depth == RecordDepth)
                    {
                        _row = new string?[_fields.Count];
                    }

                    break;
                case JsonTokenType.EndObject:
                    if (_inRecords && depth == RecordDepth && _row is not null)
                    {
                        rows.Add(_row);
                        _row = null;
                    }

                    break;
                default:
                    Scalar(ref reader, depth);
                    break;
            }
        }

        _state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private void Scalar(ref Utf8JsonReader reader, int depth)
    {
        if (depth == 1)
        {
            switch (Name(1))
            {
                case "nextRecordsUrl":
                    NextRecordsUrl = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    break;
                case "totalSize":
                    TotalSize = reader.GetInt64();
                    break;
            }

            return;
        }

        if (!_inRecords || _row is null || depth < FieldDepth)
        {
            return;
        }

        var path = depth == FieldDepth ? _names[FieldDepth] : string.Join('.', _names.GetRange(FieldDepth, depth - FieldDepth + 1));
        if (!_columns.TryGetValue(path, out var column))
        {
            return;
        }

        string? raw = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => null,
        };
        _row[column] = CanonicalText.From(raw, _fields[column].Type, _fields[column].Path);
    }

    private void SetName(int depth, string name)
    {
        while (_names.Count <= depth)
        {
            _names.Add(string.Empty);
        }

        _names[depth] = name;
    }

    private string? Name(int depth) => depth < _names.Count ? _names[depth] : null;
}
