using System.Net;
using System.Text;
using Analytics.Reports.Display;

namespace Analytics.Reports.Weekly.Email;

/// <summary>
/// The weekly scorecard email as HTML that mail clients render alike: table layout, inline CSS only, no scripts,
/// no images, no web fonts, at most 640 px wide. Markers that carry meaning (Overdue, Action, Met) are words as well
/// as colours, so the email still reads in black and white or after a client's dark-mode inversion. It stays short
/// enough to finish on a phone: five deals at risk, six changed deals and one line per partner; the detail (tier
/// criteria, every deal at risk and every change) is in the attached PDF. The output is
/// also well-formed XML (void elements closed, numeric entities only), which the tests rely on.
/// </summary>
public static partial class WeeklyEmailHtml
{
    private const string Font = "font-family:Arial,Helvetica,sans-serif;";
    private const string Ink = "#1f2933";
    private const string Muted = "#5f6b7a";
    private const string Rule = "#dde2e8";
    private const string Page = "#eef1f5";
    private const string Brand = "#1f3a5f";
    private const string Alert = "#b3261e";
    private const string AlertWash = "#fdeceb";
    private const string Good = "#2e7d32";
    private const string Fill = "#2f6fb3";
    private const string Middot = " &#183; ";

    /// <summary>Renders the complete HTML document (UTF-8) of <paramref name="card"/>'s email.</summary>
    /// <param name="card">The manager's scorecard.</param>
    public static string Render(WeeklyScorecard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var html = new StringBuilder(32 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n")
            .Append("<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<meta name=\"color-scheme\" content=\"light\" />\n")
            .Append("<meta name=\"supported-color-schemes\" content=\"light\" />\n")
            .Append("<title>").Append(E(WeeklySubject.For(card))).Append("</title>\n</head>\n")
            .Append($"<body style=\"margin:0;padding:0;background:{Page};\">\n");

        // The preheader: the line inboxes show beside the subject; hidden in the message itself.
        html.Append("<div style=\"display:none;max-height:0;overflow:hidden;mso-hide:all;\">")
            .Append(E(WeeklyEmailWording.Summary(card))).Append("</div>\n");

        html.Append($"<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background:{Page};\">\n")
            .Append("<tr><td align=\"center\" style=\"padding:16px 4px;\">\n")
            .Append("<table role=\"presentation\" width=\"640\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
            .Append($"style=\"width:100%;max-width:640px;background:#ffffff;border:1px solid {Rule};{Font}color:{Ink};\">\n");

        AppendHeader(html, card);
        AppendSummary(html, card);
        AppendSinceLastWeek(html, card);
        AppendPendingDecisions(html, card);
        AppendExpiringProtections(html, card);
        AppendStalledDeals(html, card);
        AppendNewRegistrations(html, card);
        AppendPartners(html, card);
        AppendFooter(html, card);

        html.Append("</table>\n</td></tr>\n</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendHeader(StringBuilder html, WeeklyScorecard card)
    {
        html.Append($"<tr><td style=\"background:{Brand};padding:20px 18px;color:#ffffff;\">")
            .Append("<div style=\"font-size:12px;letter-spacing:1px;text-transform:uppercase;color:#c9d6e6;\">Partner scorecard</div>")
            .Append("<div style=\"font-size:24px;font-weight:bold;line-height:32px;color:#ffffff;\">Week ")
            .Append(E(card.Week.ToString())).Append("</div>")
            .Append("<div style=\"font-size:14px;line-height:20px;color:#e6edf5;\">")
            .Append(E(WeeklyEmailWording.WeekDates(card.Week))).Append(Middot)
            .Append("figures as of snapshot ").Append(E(WeeklyEmailWording.Iso(card.SnapshotDate))).Append("</div>")
            .Append("<div style=\"font-size:13px;line-height:20px;color:#c9d6e6;overflow-wrap:anywhere;\">For ")
            .Append(E(card.ManagerEmail)).Append("</div>")
            .Append("</td></tr>\n");
    }

    private static void AppendSummary(StringBuilder html, WeeklyScorecard card)
    {
        var change = WeeklyEmailWording.Change(card.SourcedPipelineArr, card.SourcedPipelineArrWeekAgo);
        html.Append("<tr><td style=\"padding:20px 18px 4px;\">")
            .Append($"<p style=\"margin:0 0 14px;font-size:16px;line-height:24px;color:{Ink};\">")
            .Append(E(WeeklyEmailWording.Summary(card))).Append("</p>")
            .Append($"<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border:1px solid {Rule};\"><tr>");
        Tile(html, Count(card.ActionCount), E("actions"), card.ActionCount > 0 ? Alert : Ink);
        var overdue = WeeklyEmailWording.OverdueDecisions(card);
        Tile(html, Count(overdue), E("overdue decisions"), overdue > 0 ? Alert : Ink);
        Tile(html, Count(card.ExpiringProtections.Count), "expiring in &#8804; 7 d", Ink);
        Tile(html, Charts.NumberFormat.Money(card.SourcedPipelineArr), E("sourced pipeline") + "<br />" + E(change + " vs last week"), Ink, last: true);
        html.Append("</tr></table>")
            .Append($"<p style=\"margin:12px 0 0;font-size:13px;line-height:18px;color:{Muted};\">")
            .Append(E(WeeklyEmailWording.Attachment(card))).Append("</p>")
            .Append("</td></tr>\n");
    }

    private static void Tile(StringBuilder html, string figure, string labelHtml, string colour, bool last = false)
    {
        var border = last ? "" : $"border-right:1px solid {Rule};";
        html.Append($"<td width=\"25%\" valign=\"top\" style=\"width:25%;padding:10px 4px;{border}text-align:center;\">")
            .Append($"<div style=\"font-size:20px;line-height:26px;font-weight:bold;color:{colour};\">").Append(E(figure)).Append("</div>")
            .Append($"<div style=\"font-size:12px;line-height:16px;color:{Muted};\">")
            .Append(labelHtml).Append("</div></td>");
    }

    private static void AppendFooter(StringBuilder html, WeeklyScorecard card)
    {
        html.Append($"<tr><td style=\"padding:20px 18px 24px;border-top:1px solid {Rule};font-size:12px;line-height:18px;color:{Muted};\">")
            .Append(E(WeeklyEmailWording.Footer(card)))
            .Append("<br />You receive this because you manage these partners; it covers your partners only.")
            .Append("</td></tr>\n");
    }

    /// <summary>Opens a section: its heading and, when the section has nothing, one muted line saying so.</summary>
    private static bool OpenSection(StringBuilder html, string title, string? intro, bool isEmpty, string emptyLine)
    {
        html.Append("<tr><td style=\"padding:22px 18px 4px;\">")
            .Append($"<h2 style=\"margin:0 0 6px;font-size:17px;line-height:22px;color:{Brand};{Font}\">").Append(E(title)).Append("</h2>");
        if (isEmpty)
        {
            html.Append($"<p style=\"margin:0;font-size:14px;line-height:20px;color:{Muted};font-style:italic;\">")
                .Append(E(emptyLine)).Append("</p></td></tr>\n");
            return false;
        }

        if (intro is not null)
        {
            html.Append($"<p style=\"margin:0 0 8px;font-size:13px;line-height:18px;color:{Muted};\">").Append(E(intro)).Append("</p>");
        }

        return true;
    }

    private static void CloseSection(StringBuilder html) => html.Append("</td></tr>\n");

    /// <summary>A word in a box: survives black-and-white printing and colour inversion.</summary>
    private static string Tag(string word, string colour) =>
        $"<span style=\"display:inline-block;padding:0 5px;border:1px solid {colour};border-radius:3px;color:{colour};"
        + $"font-size:11px;line-height:16px;font-weight:bold;text-transform:uppercase;letter-spacing:0.5px;\">{E(word)}</span>";

    /// <summary>Every string of the HTML goes through here: encoded, and without bidi or control characters.</summary>
    private static string E(string text) => WebUtility.HtmlEncode(UntrustedText.Neutralise(text));

    /// <summary><paramref name="innerHtml"/> as a link to <paramref name="url"/> (already URL-encoded by
    /// <see cref="CrmLinks"/>, HTML-encoded here), or as is without one.</summary>
    private static string Linked(string innerHtml, string? url) => url is null
        ? innerHtml
        : $"<a href=\"{E(url)}\" style=\"color:{Fill};text-decoration:underline;\">{innerHtml}</a>";

    /// <summary>A CRM value (partner, company or deal name): as <see cref="E"/>, isolated in <c>&lt;bdi&gt;</c> so a
    /// right-to-left name cannot reorder the text around it.</summary>
    private static string Crm(string text) => "<bdi>" + E(text) + "</bdi>";

    private static string Count(int n) => Charts.NumberFormat.Count(n);

}
