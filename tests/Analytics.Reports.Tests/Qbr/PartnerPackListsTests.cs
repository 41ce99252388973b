using Analytics.Reports.Data;
using Analytics.Reports.Pdf;
using Analytics.Reports.Qbr;
using Analytics.Reports.Weekly;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Pdf;

namespace Analytics.Reports.Tests.Qbr;

/// <summary>
/// A partner pack's capped lists say what they leave out (issue 20: "Lost in 2026-Q3: 28" beside a deal table listing 4
/// lost, the stall list cut at 15 of 16 without a word). Hand-built figures: 68 won and 28 lost deals, 16 scored deals.
/// </summary>
public sealed class PartnerPackListsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_quarter_of_68_wins_and_28_losses_lists_25_won_and_15_lost_largest_first()
    {
        var (won, lost) = PartnerQbrPack.ClosedDealsListed(Closed(68, 28));

        Assert.Equal(25, won.Count);
        Assert.Equal(15, lost.Count);
        Assert.Equal("W-68", won[0].OpportunityId); // the largest ARR first
        Assert.Equal("L-28", lost[0].OpportunityId);
        Assert.Equal("L-14", lost[^1].OpportunityId);
    }

    [Fact]
    public void Few_losses_leave_their_places_to_wins_and_few_deals_are_all_listed()
    {
        var (won, lost) = PartnerQbrPack.ClosedDealsListed(Closed(68, 3));
        Assert.Equal((37, 3), (won.Count, lost.Count));

        var (allWon, allLost) = PartnerQbrPack.ClosedDealsListed(Closed(20, 10));
        Assert.Equal((20, 10), (allWon.Count, allLost.Count));
    }

    [Fact]
    public void The_pack_says_how_many_closed_and_scored_deals_it_lists_of_how_many_and_where_the_rest_are()
    {
        var text = RenderText(Data(Closed(68, 28), Stalled(16)));

        Assert.Contains("Listed, largest ARR first: 25 of 68 won and 15 of 28 lost; every deal closed in 2026-Q3 is in the warehouse table marts.partner_deals.", text);
        Assert.Contains("15 of 16 scored open deals (highest score first) listed; all 16 are in the warehouse table scores.stalled_deals.", text);
    }

    [Fact]
    public void Lists_that_hold_every_row_carry_no_such_line()
    {
        var text = RenderText(Data(Closed(20, 10), Stalled(15)));

        Assert.DoesNotContain("Listed, largest ARR first", text);
        Assert.DoesNotContain("scores.stalled_deals", text);
    }

    [Fact]
    public void Stage_keys_read_as_words_in_the_open_pipeline_chart_and_the_deals_at_risk()
    {
        var data = Data(Closed(2, 1), Stalled(3)) with { OpenPipeline = [new PartnerQbrData.StagePipeline(4, "pipeline_activation", 3, 160_000, 80_000)] };
        var text = RenderText(data with { StalledDeals = [.. data.StalledDeals.Select(d => d with { Stage = "configure_quote" })] });

        Assert.Contains("pipeline activation", text);
        Assert.Contains("configure quote", text);
        Assert.DoesNotContain("pipeline_activati", text);
        Assert.DoesNotContain("configure_quote", text);
    }

    private string RenderText(PartnerQbrData data)
    {
        PdfSetup.Initialize();
        var path = _temp.Combine($"{Guid.NewGuid():N}.pdf");
        using (var document = PartnerQbrPack.Render(data))
        {
            document.Save(path);
        }

        // Lines wrap in the PDF: compare with single spaces.
        return string.Join(' ', PdfFile.TextOf(path).Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
    }

    private static List<PartnerQbrData.ClosedDeal> Closed(int won, int lost) =>
    [
        .. Enumerable.Range(1, won).Select(i => new PartnerQbrData.ClosedDeal($"W-{i}", $"Won deal {i}", "sourced", true, 1_000 * i, 500 * i, null)),
        .. Enumerable.Range(1, lost).Select(i => new PartnerQbrData.ClosedDeal($"L-{i}", $"Lost deal {i}", "influenced", false, 900 * i, 0, "price")),
    ];

    private static List<StalledDealItem> Stalled(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new StalledDealItem($"O-{i}", $"Open deal {i}", "P-1", "Northwind", "proposal", 10_000, 100 - i, ["No activity for 21 days"]))];

    private static PartnerQbrData Data(List<PartnerQbrData.ClosedDeal> closed, List<StalledDealItem> stalled)
    {
        var snapshot = new ReportSnapshot(new DateOnly(2026, 11, 21), "run-1", "2026-Q4", "2026-Q3", ["2026-Q2", "2026-Q3", "2026-Q4"]);
        var won = closed.Count(d => d.IsWon);
        var quarter = new PartnerQbrData.QuarterFigures("2026-Q3", 100_000, 20_000, won, 0, 50_000, won, closed.Count - won,
            won, closed.Count - won, (double)won / closed.Count, 100_000, 30_000, 10, 8, 7, 6, 7 / 8.0, 6 / 8.0);
        return new PartnerQbrData(snapshot, "2026-Q3", new PartnerInfo("P-1", "Northwind", "reseller", "select", "ana@vendor.example", "EMEA"),
            [PartnerQbrData.QuarterFigures.Empty("2026-Q2"), quarter], closed, [new PartnerQbrData.LostReason("price", closed.Count - won)],
            [new PartnerQbrData.StagePipeline(3, "proposal", stalled.Count, 160_000, 80_000)], new PartnerPipeline("P-1", stalled.Count, 160_000, 80_000, 80_000, null),
            [], null, null, null, [], stalled, (0, 0), new PartnerQbrData.HygieneFigures(stalled.Count, 0, 1, 0, 0, 0));
    }
}
