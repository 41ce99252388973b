using Analytics.Reports.Delivery;

namespace Analytics.Reports.Tests.Delivery;

public sealed class OutgoingEmailTests
{
    [Fact]
    public void The_content_hash_is_the_same_for_the_same_content_built_twice()
    {
        var first = DeliveryFixtures.WeeklyEmail("ana@example.com");
        var second = DeliveryFixtures.WeeklyEmail("ana@example.com") with { Attachments = [new("scorecards-2026-W47.pdf", "application/pdf", [.. DeliveryFixtures.Pdf])] };

        Assert.Equal(first.ContentSha256, second.ContentSha256);
        Assert.Matches("^[0-9a-f]{64}$", first.ContentSha256);
    }

    [Fact]
    public void The_content_hash_changes_with_the_subject_a_body_or_an_attachment_byte()
    {
        var email = DeliveryFixtures.WeeklyEmail("ana@example.com");
        var changedPdf = (byte[])DeliveryFixtures.Pdf.Clone();
        changedPdf[^2] ^= 1;

        OutgoingEmail[] variants =
        [
            email with { Subject = email.Subject + " " },
            email with { TextBody = email.TextBody + "!" },
            email with { HtmlBody = email.HtmlBody + "!" },
            email with { Attachments = [new("scorecards-2026-W47.pdf", "application/pdf", changedPdf)] },
            // Text moved from one field to the next is a different email.
            email with { Subject = email.Subject + email.TextBody[..1], TextBody = email.TextBody[1..] },
        ];

        Assert.Equal(variants.Length + 1, variants.Select(v => v.ContentSha256).Append(email.ContentSha256).Distinct().Count());
    }
}
