using Analytics.Pipelines.Crm;

namespace Analytics.TestSupport.Crm;

/// <summary>An <see cref="ICrmRowWriter"/> that keeps every call: the column type it implies and the value.</summary>
public sealed class CollectingRowWriter : ICrmRowWriter
{
    public List<(CrmColumnType Type, object? Value)> Values { get; } = [];

    public static List<(CrmColumnType Type, object? Value)> ValuesOf(ICrmRecord record)
    {
        var writer = new CollectingRowWriter();
        record.WriteTo(writer);
        return writer.Values;
    }

    public void Text(string? value) => Values.Add((CrmColumnType.Text, value));

    public void Integer(long? value) => Values.Add((CrmColumnType.Integer, value));

    public void Decimal(decimal? value) => Values.Add((CrmColumnType.Decimal, value));

    public void Boolean(bool? value) => Values.Add((CrmColumnType.Boolean, value));

    public void Date(DateOnly? value) => Values.Add((CrmColumnType.Date, value));

    public void Timestamp(DateTime? value) => Values.Add((CrmColumnType.Timestamp, value));
}
