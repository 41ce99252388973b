using Analytics.Sources.Salesforce.Api;

namespace Analytics.Sources.Salesforce.Tests.Api;

public sealed class SalesforceTimestampTests
{
    [Theory]
    [InlineData("2024-06-30T10:00:00.000+0000", "2024-06-30T10:00:00.000Z")]
    [InlineData("2024-06-30T12:30:15.250+0230", "2024-06-30T10:00:15.250Z")]
    [InlineData("2024-06-30T10:00:00.000Z", "2024-06-30T10:00:00.000Z")]
    [InlineData("2024-06-30T10:00:00Z", "2024-06-30T10:00:00.000Z")]
    public void Salesforce_timestamps_parse_exactly_to_UTC(string text, string canonical)
    {
        Assert.Equal(canonical, SalesforceTimestamp.Canonical(text));
    }

    [Fact]
    public void The_JSON_form_with_a_colonless_offset_is_the_instant_it_names()
    {
        Assert.Equal(new DateTimeOffset(2024, 6, 30, 10, 0, 0, TimeSpan.Zero), SalesforceTimestamp.Parse("2024-06-30T10:00:00.000+0000"));
    }

    [Theory]
    [InlineData("2024-06-30")]
    [InlineData("30/06/2024 10:00")]
    [InlineData("2024-06-30T10:00:00.000+00")]
    public void Anything_else_is_refused_naming_the_text(string text)
    {
        var error = Assert.Throws<FormatException>(() => SalesforceTimestamp.Parse(text));

        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }
}
