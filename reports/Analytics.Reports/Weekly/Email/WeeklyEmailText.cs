using System.Text;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Weekly.Email;

/// <summary>
/// The weekly scorecard email's plain-text part: the same sections and figures as <see cref="WeeklyEmailHtml"/>,
/// in aligned columns, every line at most <see cref="MaxLineLength"/> characters except a CRM address on a line of
/// its own (an address cannot be wrapped and still open).
/// </summary>
public static partial class WeeklyEmailText
{
    /// <summary>No line of the text part is longer than this (RFC 5322 recommends 78), but for a lone CRM address.</summary>
    public const int MaxLineLength = 78;

    private const int Indent = 2;

    /// <summary>Renders the plain-text part of <paramref name="card"/>'s email, lines ending in LF.</summary>
    /// <param name="card">The manager's scorecard.</param>
    public static string Render(WeeklyScorecard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var text = new StringBuilder(16 * 1024);
        Paragraph(text, $"PARTNER SCORECARD {card.Week}", 0);
        Paragraph(text, $"{WeeklyEmailWording.WeekDates(card.Week)}, figures as of snapshot {WeeklyEmailWording.Iso(card.SnapshotDate)}", 0);
        Paragraph(text, "For " + card.ManagerEmail, 0);
        text.Append('\n');
        Paragraph(text, WeeklyEmailWording.Summary(card), 0);
        text.Append('\n');
        var change = WeeklyEmailWording.Change(card.SourcedPipelineArr, card.SourcedPipelineArrWeekAgo);
        var figures = new PlainTextTable(("At a glance", false), ("", false));
        figures.AddRow("Actions", NumberFormat.Count(card.ActionCount));
        figures.AddRow("Overdue decisions", NumberFormat.Count(WeeklyEmailWording.OverdueDecisions(card)));
        figures.AddRow("Protections ending within 7 d", NumberFormat.Count(card.ExpiringProtections.Count));
        figures.AddRow("Sourced pipeline", $"{NumberFormat.Money(card.SourcedPipelineArr)} ({change} week over week)");
        figures.Render(text, Indent, MaxLineLength);
        text.Append('\n');
        Paragraph(text, WeeklyEmailWording.Attachment(card), 0);

        AppendSinceLastWeek(text, card);
        AppendPendingDecisions(text, card);
        AppendExpiringProtections(text, card);
        AppendStalledDeals(text, card);
        AppendNewRegistrations(text, card);
        AppendPartners(text, card);

        text.Append('\n').Append(new string('-', MaxLineLength)).Append('\n');
        Paragraph(text, WeeklyEmailWording.Footer(card), 0);
        Paragraph(text, "You receive this because you manage these partners; it covers your partners only.", 0);
        return text.ToString();
    }

    /// <summary>Writes a section heading and, when the section has nothing, one line saying so.</summary>
    private static bool OpenSection(StringBuilder text, string title, string? intro, bool isEmpty, string emptyLine)
    {
        text.Append("\n\n").Append(title.ToUpperInvariant()).Append('\n').Append(new string('=', Math.Min(title.Length, MaxLineLength))).Append('\n');
        if (isEmpty)
        {
            Paragraph(text, emptyLine, Indent);
            return false;
        }

        if (intro is not null)
        {
            Paragraph(text, intro, 0);
            text.Append('\n');
        }

        return true;
    }

    /// <summary>Word-wraps <paramref name="words"/> to the line length, every line indented.</summary>
    private static void Paragraph(StringBuilder text, string words, int indent, int? hangingIndent = null)
    {
        var lines = PlainTextTable.Wrap(words, MaxLineLength - Math.Max(indent, hangingIndent ?? indent));
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append(' ', i == 0 ? indent : hangingIndent ?? indent).Append(lines[i]).Append('\n');
        }
    }
}
