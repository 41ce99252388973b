using System.Text;
using Analytics.Sources.Salesforce.Api;

namespace Analytics.Sources.Salesforce.Tests.Api;

public sealed class RestPageReaderTests
{
    private const string Page = """
        {"totalSize":3,"done":false,"nextRecordsUrl":"/services/data/v66.0/query/01g-2",
         "records":[
          {"attributes":{"type":"Opportunity","url":"/x"},"Id":"006A","Amount":1.20E3,"IsWon":true,"CloseDate":"2026-12-01",
           "CreatedDate":"2026-06-30T12:00:00.000+0200","Owner":{"attributes":{"type":"User"},"Email":"ana@example.com"},
           "Account":{"attributes":{"type":"Account"},"Owner":{"attributes":{"type":"User"},"Email":"b\u00e9n@example.com"}}},
          {"attributes":{"type":"Opportunity"},"Id":"006B","Amount":null,"IsWon":false,"CloseDate":null,"CreatedDate":null,"Owner":null,"Account":null}
         ]}
        """;

    private static readonly SelectedField[] Fields =
    [
        new("Id", SalesforceValueType.Text), new("Amount", SalesforceValueType.Number), new("IsWon", SalesforceValueType.Boolean),
        new("CloseDate", SalesforceValueType.Date), new("CreatedDate", SalesforceValueType.DateTime), new("owner.email", SalesforceValueType.Text),
        new("Account.Owner.Email", SalesforceValueType.Text),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100_000)]
    public void A_page_fed_in_pieces_of_any_size_gives_the_same_rows_and_next_url(int piece)
    {
        var bytes = Encoding.UTF8.GetBytes(Page);
        var reader = new RestPageReader(Fields);
        var rows = new List<string?[]>();
        var buffer = new List<byte>();

        for (var at = 0; at < bytes.Length || buffer.Count > 0; at += piece)
        {
            buffer.AddRange(bytes.Skip(at).Take(piece));
            var final = at + piece >= bytes.Length;
            var consumed = reader.Feed(buffer.ToArray(), final, rows);
            buffer.RemoveRange(0, consumed);
            if (final)
            {
                break;
            }
        }

        Assert.Equal("/services/data/v66.0/query/01g-2", reader.NextRecordsUrl);
        Assert.Equal<IEnumerable<string?>>(["006A", "1200", "true", "2026-12-01", "2026-06-30T10:00:00.000Z", "ana@example.com", "bén@example.com"], rows[0]);
        Assert.Equal<IEnumerable<string?>>(["006B", null, "false", null, null, null, null], rows[1]);
        Assert.Equal(2, rows.Count);
    }
}
