using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Resilience;
using Analytics.Reports.Data;
using Analytics.Reports.Delivery;
using Analytics.Reports.Weekly.Email;
using Analytics.Reports.Configuration;

namespace Analytics.Reports.Weekly;

/// <summary>
/// The weekly scorecard stage: reads one card per partner manager, renders each email (HTML, plain text and the
/// partners' one-page scorecards as PDF) and delivers those the ledger has not recorded as sent. It only reads the
/// warehouse: the ledger file is copied into catalog.deliveries by the bookkeeping step that ends a run (and
/// <c>analytics email weekly</c>). A second run for the same week sends nothing, even one started while the first
/// is still sending: <see cref="Deliverer"/> holds the week's delivery lock while it checks the ledger and sends.
/// </summary>
public static class WeeklyEmails
{
    /// <summary>The ledger key of a manager's email for a week.</summary>
    public static string DeliveryKey(IsoWeek week, string managerEmail) => $"weekly/{week}/{managerEmail.ToLowerInvariant()}";

    /// <summary>The email of one card.</summary>
    public static OutgoingEmail Compose(WeeklyScorecard card, string from)
    {
        using var pdf = ScorecardPdf.Render(card);
        return new OutgoingEmail(DeliveryKey(card.Week, card.ManagerEmail), card.Week.ToString(), from, [card.ManagerEmail],
            WeeklySubject.For(card), WeeklyEmailHtml.Render(card), WeeklyEmailText.Render(card),
            [new EmailAttachment($"partner-scorecards-{card.Week}.pdf", "application/pdf", pdf.ToBytes())]);
    }

    /// <summary>The transport pipeline.yaml chooses; <paramref name="clock"/> dates the emails (the system clock when null).</summary>
    public static IMailTransport Transport(PipelineConfig config, Func<string, string?> environment, TimeProvider? clock = null) => config.Delivery.Transport switch
    {
        DeliveryTransport.Smtp => new SmtpTransport(new SmtpOptions(config.Delivery.Smtp.Host, config.Delivery.Smtp.Port, config.Delivery.Smtp.StartTls,
            config.Delivery.Smtp.UsernameVariable, config.Delivery.Smtp.PasswordVariable, config.Delivery.Smtp.TimeoutSeconds), environment, clock),
        _ => new OutboxTransport(config.Paths.Outbox, clock),
    };

    /// <summary>
    /// Produces and delivers <paramref name="week"/>'s emails (default: the week of the warehouse's snapshot), retrying
    /// per delivery.retry with waits on <paramref name="clock"/>, which also stamps the ledger.
    /// </summary>
    public static async Task<WeeklyOutcome> RunAsync(PipelineConfig config, IsoWeek? week, IMailTransport transport, TimeProvider clock,
        IProgress<string>? progress, CancellationToken ct)
    {
        IReadOnlyList<WeeklyScorecard> cards;
        IsoWeek target;
        using (var warehouse = ReportWarehouse.Open(config.Paths.Warehouse))
        {
            target = week ?? WeeklyScorecardReader.WeekOf(warehouse.Snapshot);
            var links = CrmLinks.For(config.Source.Kind, config.Delivery.CrmLinks);
            cards = [.. WeeklyScorecardReader.Read(warehouse, target).Select(c => c with { Links = links })];
        }

        var ledger = DeliveryLedger.ForOutbox(config.Paths.Outbox, warning => progress?.Report(warning));
        // Spares composing what is already sent; the deliverer checks again under the week's lock.
        var sent = ledger.SentKeys();
        var due = cards.Where(c => !sent.Contains(DeliveryKey(c.Week, c.ManagerEmail))).ToList();
        progress?.Report($"{cards.Count} managers; {cards.Count - due.Count} already sent for {target}; composing {due.Count}");
        var emails = due.Select(c => Compose(c, config.Delivery.From)).ToList();
        var report = await new Deliverer(transport, ledger, RetryPolicy.From(config.Delivery.Retry), progress, clock).DeliverAsync(emails, ct);
        return new WeeklyOutcome(target, cards.Count, cards.Count - due.Count, report, cards.Sum(c => c.ActionCount));
    }
}
