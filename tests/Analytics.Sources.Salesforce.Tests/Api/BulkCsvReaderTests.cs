using Analytics.Sources.Salesforce.Api;

namespace Analytics.Sources.Salesforce.Tests.Api;

public sealed class BulkCsvReaderTests
{
    private const string Csv = "\"Owner.Email\",Id,Name,Amount,CreatedDate\r\nana@example.com,006A,\"Acme, \"\"the\"\" Co\nsecond line\",1200.50,2026-06-30T10:00:00.000Z\r\n,006B,,,\n";

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10_000)]
    public void Rows_come_in_the_selected_order_whatever_the_chunks_with_empty_as_null(int piece)
    {
        var reader = new BulkCsvReader([
            new("Id", SalesforceValueType.Text), new("Name", SalesforceValueType.Text), new("Amount", SalesforceValueType.Number),
            new("CreatedDate", SalesforceValueType.DateTime), new("Owner.Email", SalesforceValueType.Text),
        ]);
        var rows = new List<string?[]>();

        for (var at = 0; at < Csv.Length; at += piece)
        {
            reader.Feed(Csv.AsSpan(at, Math.Min(piece, Csv.Length - at)), rows);
        }

        reader.Finish(rows);

        Assert.Equal(2, rows.Count);
        Assert.Equal<IEnumerable<string?>>(["006A", "Acme, \"the\" Co\nsecond line", "1200.5", "2026-06-30T10:00:00.000Z", "ana@example.com"], rows[0]);
        Assert.Equal<IEnumerable<string?>>(["006B", null, null, null, null], rows[1]);
    }

    [Fact]
    public void A_page_without_a_selected_column_is_refused_naming_it()
    {
        var reader = new BulkCsvReader([new("Id", SalesforceValueType.Text), new("Partner.Owner.Email", SalesforceValueType.Text)]);

        var error = Assert.Throws<SalesforceException>(() => reader.Feed("Id\n006A\n", []));

        Assert.Contains("Partner.Owner.Email", error.Message, StringComparison.Ordinal);
    }
}
