using System.Text;
using Analytics.Reports.Delivery;

namespace Analytics.Reports.Tests.Delivery;

/// <summary>Emails as the weekly scorecard step would hand them over, and a small real PDF to attach.</summary>
internal static class DeliveryFixtures
{
    public const string Week = "2026-W47";

    public static readonly string[] Managers = ["ana@example.com", "bjorn.o@example.com", "chen@example.org"];

    public static readonly byte[] Pdf = OnePagePdf("Scorecard 2026-W47");

    public static IReadOnlyList<OutgoingEmail> WeeklyEmails(params string[] managers) =>
        [.. (managers.Length == 0 ? Managers : managers).Select(WeeklyEmail)];

    public static OutgoingEmail WeeklyEmail(string manager) => new(
        $"weekly/{Week}/{manager}",
        Week,
        "\"Partner Analytics\" <partner-analytics@example.com>",
        [manager],
        $"Wochenübersicht {Week} – 3 Aktionen für {manager}",
        $"<html><body><h1>Übersicht {Week}</h1><p>Pipeline: € 1.250.000</p>\n<p>.a line starting with a dot</p></body></html>",
        $"Übersicht {Week}\r\nPipeline: € 1.250.000\r\n.a line starting with a dot\r\n",
        [new EmailAttachment($"scorecards-{Week}.pdf", "application/pdf", Pdf)]);

    /// <summary>A minimal, valid one-page PDF (PDF 1.4 with a correct cross-reference table) showing <paramref name="text"/>.</summary>
    private static byte[] OnePagePdf(string text)
    {
        var content = $"BT /F1 24 Tf 72 720 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
