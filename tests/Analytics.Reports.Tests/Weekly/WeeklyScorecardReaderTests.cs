using Analytics.Pipelines.Warehouse;
using Analytics.Reports.Data;
using Analytics.Reports.Pdf;
using Analytics.Reports.Weekly;
using Analytics.TestSupport.Datasets;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Pdf;
using Analytics.TestSupport.Warehouses;
using Dapper;
using static Analytics.TestSupport.Datasets.WeeklyChangesDataset;

namespace Analytics.Reports.Tests.Weekly;

/// <summary>
/// The weekly cards read from a real warehouse: <see cref="WeeklyChangesDataset"/> (two snapshots, two managers, hand
/// computation in its remarks) built by the transforms, plus hand-given stalled-deal scores:
/// <code>
/// deal/partner   ARR     score  ARR at risk (ARR x score / 100)
/// o-aspen/pa1    30,000  40     12,000
/// o-ember/pa1    12,000  95     11,400
/// o-delta/pa2    40,000  25     10,000
/// o-delta/pb1    40,000  25     10,000
/// o-fir/pa2       8,000  90      7,200
/// </code>
/// Manager A by ARR at risk: aspen, ember, delta, fir (by score it would be ember, fir, aspen, delta); actions: 1 pending
/// decision (reg-old-pending) + ember and fir (70+) = 3. Manager B: delta; 1 pending decision (reg-b) = 1 action.
/// </summary>
public sealed class WeeklyScorecardReaderTests(WeeklyScorecardReaderTests.Fixture fixture) : IClassFixture<WeeklyScorecardReaderTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public Fixture()
        {
            using var built = TestWarehouse.Build([(Previous, PreviousRecords()), (Current, CurrentRecords())]);
            var path = _temp.Combine("scored.duckdb");
            File.Copy(built.Path, path);
            using (var connection = DuckDbFile.Open(path, readOnly: false))
            {
                connection.Execute("""
                    create schema if not exists scores;
                    create table scores.stalled_deals as
                    select * from (values
                        ('o-aspen', 'pa1', 40, 'no next step'), ('o-ember', 'pa1', 95, 'no activity for 30 days'),
                        ('o-delta', 'pa2', 25, 'close date moved'), ('o-delta', 'pb1', 25, 'close date moved'), ('o-fir', 'pa2', 90, 'stage unchanged'))
                        as t(opportunity_id, partner_id, score, reason_1),
                        (select cast(null as varchar) as reason_2, cast(null as varchar) as reason_3);
                    """);
            }

            using var warehouse = ReportWarehouse.Open(path);
            Cards = WeeklyScorecardReader.Read(warehouse, new IsoWeek(2026, 47));
        }

        public IReadOnlyList<WeeklyScorecard> Cards { get; }

        public void Dispose() => _temp.Dispose();
    }

    private WeeklyScorecard A => fixture.Cards.Single(c => c.ManagerEmail == OpsDataset.ManagerA);

    private WeeklyScorecard B => fixture.Cards.Single(c => c.ManagerEmail == OpsDataset.ManagerB);

    [Fact]
    public void New_registrations_this_week_start_on_monday_and_leave_out_the_sunday_before()
    {
        Assert.Equal(["reg-mon"], A.NewRegistrations.Select(r => r.RegistrationId));
        Assert.Equal(["reg-old-pending"], A.PendingDecisions.Select(r => r.RegistrationId));
        Assert.All(A.NewRegistrations, r => Assert.True(r.SubmittedAt >= new DateTime(2026, 11, 16, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Deals_at_risk_are_ranked_by_arr_times_stall_probability_computed_in_sql()
    {
        Assert.Equal(["o-aspen", "o-ember", "o-delta", "o-fir"], A.StalledDeals.Select(d => d.OpportunityId));
        Assert.Equal([12_000.0, 11_400.0, 10_000.0, 7_200.0], A.StalledDeals.Select(d => d.ArrAtRisk));
        Assert.Equal(3, A.ActionCount);
        Assert.Equal(["o-delta"], B.StalledDeals.Select(d => d.OpportunityId));
        Assert.Equal(1, B.ActionCount);
    }

    [Fact]
    public void Since_last_week_counts_each_managers_changed_deals_once_with_their_arr()
    {
        Assert.Equal(Previous, A.Changes.PreviousSnapshot);
        Assert.Equal([("new", 1, 30_000.0), ("won", 1, 50_000.0), ("lost", 0, 0.0), ("slipped", 1, 40_000.0)],
            A.Changes.Counts.Select(c => (c.Change, c.Deals, c.Arr)));
        Assert.Equal([("new", 1, 15_000.0), ("won", 1, 15_000.0), ("lost", 1, 20_000.0), ("slipped", 1, 40_000.0)],
            B.Changes.Counts.Select(c => (c.Change, c.Deals, c.Arr)));
        Assert.Equal(["new Aspen Rollout", "won Beech Renewal", "slipped Delta Platform"], A.Changes.Deals.Select(d => $"{d.Change} {d.OpportunityName}"));
        var slip = A.Changes.Deals.Single(d => d.Change == "slipped");
        Assert.Equal((new DateOnly(2026, 11, 28), new DateOnly(2027, 1, 15)), (slip.PreviousCloseDate!.Value, slip.CloseDate));
    }

    [Fact]
    public void No_email_names_another_managers_partner_or_a_deal_only_other_partners_are_on()
    {
        PdfSetup.Initialize();
        string[] onlyB = [CedarName, "Cobalt Upsell", "Garnet Deal", "Company reg-b"];
        string[] onlyA = [AlderName, BirchName, "Aspen Rollout", "Beech Renewal", "Ember Pilot", "Fir Extension", "Company reg-mon", "Company reg-old-pending"];

        foreach (var (card, foreign) in new[] { (A, onlyB), (B, onlyA) })
        {
            var email = WeeklyEmails.Compose(card, "analytics@vendor.example");
            using var pdf = PdfFile.Open(email.Attachments.Single().Content);
            var everything = string.Join("\n", email.Subject, System.Net.WebUtility.HtmlDecode(email.HtmlBody), email.TextBody, pdf.Text());
            Assert.All(foreign, name => Assert.DoesNotContain(name, everything));
            Assert.Contains("Delta Platform", everything); // the deal both managers' partners are on
        }

        Assert.Equal(BirchName, A.Changes.Deals.Single(d => d.OpportunityId == "o-delta").PartnerNames);
        Assert.Equal(CedarName, B.Changes.Deals.Single(d => d.OpportunityId == "o-delta").PartnerNames);
    }

    [Fact]
    public void The_pdf_holds_the_tier_detail_and_every_changed_deal_the_email_leaves_out()
    {
        PdfSetup.Initialize();
        var email = WeeklyEmails.Compose(A, "analytics@vendor.example");
        using var pdf = PdfFile.Open(email.Attachments.Single().Content);
        var text = pdf.Text();

        Assert.Contains("Since last week", text);
        Assert.Contains("2026-11-28 -> 2027-01-15", text);
        Assert.Contains("Deals with the most ARR at risk", text);
        Assert.Contains("$11K", text); // ember's ARR at risk on Alder's page
    }
}
