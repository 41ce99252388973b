using Analytics.Pipelines.Crm;
using static Analytics.TestSupport.Datasets.OpsDataset;

namespace Analytics.TestSupport.Datasets;

/// <summary>
/// Two weekly snapshots of a small program with two partner managers, for the weekly scorecard's "since last week"
/// block, its registrations and its scoping. Built as of Saturday 2026-11-21 (ISO week 2026-W47, Mon 16 - Sun 22 Nov).
/// </summary>
/// <remarks>
/// <code>
/// partners: pa1 "Alder Partners", pa2 "Birch Partners" (manager A); pb1 "Cedar Partners" (manager B)
///
/// deal            partners         2026-11-14 (previous)           2026-11-21 (current)               change(s)
/// Aspen Rollout   pa1              absent                          open, ARR 30,000                   new
/// Beech Renewal   pa1              open, close 2026-11-30          won 2026-11-19, ARR 50,000         won
/// Cobalt Upsell   pb1              open                            lost 2026-11-18, ARR 20,000        lost
/// Delta Platform  pa2 50%, pb1 50% open, close 2026-11-28          open, close 2027-01-15, ARR 40,000 slipped (one row per partner)
/// Ember Pilot     pa1              open, close 2027-01-31          open, close 2026-12-15             (pulled in: not a slip)
/// Fir Extension   pa2              open                            open, unchanged                    -
/// Garnet Deal     pb1              absent                          won 2026-11-20, ARR 15,000         new and won
/// Hazel Legacy    pa1              won 2026-10-01                  won 2026-10-01                     -
///
/// marts.weekly_deal_changes: 7 rows (new 2, won 2, lost 1, slipped 2).
/// Manager A: new 1 ($30,000), won 1 ($50,000), lost 0, slipped 1 ($40,000).
/// Manager B: new 1 ($15,000), won 1 ($15,000), lost 1 ($20,000), slipped 1 ($40,000).
///
/// registrations        partner  submitted              status
/// reg-sun              pa1      Sun 2026-11-15 10:00   approved 12:00   (the Sunday BEFORE the week: not new this week)
/// reg-mon              pa1      Mon 2026-11-16 09:00   approved 10:00   (new this week)
/// reg-old-pending      pa2      Tue 2026-11-10 09:00   pending          (needs a decision; not new this week)
/// reg-b                pb1      Wed 2026-11-18 09:00   pending          (manager B's only)
/// </code>
/// </remarks>
public static class WeeklyChangesDataset
{
    public static readonly DateOnly Previous = new(2026, 11, 14);
    public static readonly DateOnly Current = new(2026, 11, 21);

    public const string AlderName = "Alder Partners";
    public const string BirchName = "Birch Partners";
    public const string CedarName = "Cedar Partners";

    /// <summary>The records of the previous week's snapshot.</summary>
    public static IEnumerable<ICrmRecord> PreviousRecords() =>
    [
        .. Common(),
        Deal(Open("o-beech", "acc-1", "reseller", At(2026, 9, 1), At(2026, 11, 10), At(2026, 11, 10), arr: 50_000m), "Beech Renewal", new DateOnly(2026, 11, 30)),
        Deal(Open("o-cobalt", "acc-2", "reseller", At(2026, 9, 1), At(2026, 11, 10), At(2026, 11, 10), arr: 20_000m), "Cobalt Upsell"),
        Deal(Open("o-delta", "acc-3", "reseller", At(2026, 9, 1), At(2026, 11, 10), At(2026, 11, 10), arr: 40_000m), "Delta Platform", new DateOnly(2026, 11, 28)),
        Deal(Open("o-ember", "acc-1", "reseller", At(2026, 9, 1), At(2026, 11, 10), At(2026, 11, 10), arr: 12_000m), "Ember Pilot", new DateOnly(2027, 1, 31)),
        Deal(Open("o-fir", "acc-2", "reseller", At(2026, 9, 1), At(2026, 11, 10), At(2026, 11, 10), arr: 8_000m), "Fir Extension", new DateOnly(2027, 2, 1)),
        Deal(Won("o-hazel", "acc-3", "reseller", At(2026, 6, 1), At(2026, 10, 1), 9_000m), "Hazel Legacy"),
        .. PartnerRowsOfBothWeeks(),
        Registration("reg-old-pending", "pa2", null, At(2026, 11, 10, 9), null, "pending"),
    ];

    /// <summary>The records of the current snapshot (the build's).</summary>
    public static IEnumerable<ICrmRecord> CurrentRecords() =>
    [
        .. Common(),
        Deal(Open("o-aspen", "acc-1", "reseller", At(2026, 11, 17), At(2026, 11, 17), At(2026, 11, 17), arr: 30_000m), "Aspen Rollout", new DateOnly(2027, 2, 15)),
        Deal(Won("o-beech", "acc-1", "reseller", At(2026, 9, 1), At(2026, 11, 19), 50_000m), "Beech Renewal"),
        Deal(Lost("o-cobalt", "acc-2", "reseller", At(2026, 9, 1), At(2026, 11, 18), 20_000m), "Cobalt Upsell"),
        Deal(Open("o-delta", "acc-3", "reseller", At(2026, 9, 1), At(2026, 11, 10), At(2026, 11, 10), arr: 40_000m), "Delta Platform", new DateOnly(2027, 1, 15)),
        Deal(Open("o-ember", "acc-1", "reseller", At(2026, 9, 1), At(2026, 11, 10), At(2026, 11, 10), arr: 12_000m), "Ember Pilot", new DateOnly(2026, 12, 15)),
        Deal(Open("o-fir", "acc-2", "reseller", At(2026, 9, 1), At(2026, 11, 10), At(2026, 11, 10), arr: 8_000m), "Fir Extension", new DateOnly(2027, 2, 1)),
        Deal(Won("o-garnet", "acc-3", "reseller", At(2026, 11, 16), At(2026, 11, 20), 15_000m), "Garnet Deal"),
        Deal(Won("o-hazel", "acc-3", "reseller", At(2026, 6, 1), At(2026, 10, 1), 9_000m), "Hazel Legacy"),
        .. PartnerRowsOfBothWeeks(),
        PartnerRow("o-aspen", "pa1", "reseller"),
        PartnerRow("o-garnet", "pb1", "reseller"),
        Registration("reg-sun", "pa1", null, At(2026, 11, 15, 10), At(2026, 11, 15, 12), "approved",
            protectionStart: Day(2026, 11, 15), protectionEnd: Day(2027, 2, 12)),
        Registration("reg-mon", "pa1", null, At(2026, 11, 16, 9), At(2026, 11, 16, 10), "approved",
            protectionStart: Day(2026, 11, 16), protectionEnd: Day(2027, 2, 13)),
        Registration("reg-old-pending", "pa2", null, At(2026, 11, 10, 9), null, "pending"),
        Registration("reg-b", "pb1", null, At(2026, 11, 18, 9), null, "pending"),
    ];

    /// <summary>The partner rows of the deals that exist in both snapshots.</summary>
    private static IEnumerable<ICrmRecord> PartnerRowsOfBothWeeks() =>
    [
        PartnerRow("o-beech", "pa1", "reseller"),
        PartnerRow("o-cobalt", "pb1", "reseller"),
        PartnerRow("o-delta", "pa2", "reseller", attributionPct: 50m),
        PartnerRow("o-delta", "pb1", "reseller", attributionPct: 50m),
        PartnerRow("o-ember", "pa1", "reseller"),
        PartnerRow("o-fir", "pa2", "reseller"),
        PartnerRow("o-hazel", "pa1", "reseller"),
    ];

    private static IEnumerable<ICrmRecord> Common() =>
    [
        Partner("pa1", "reseller", ManagerA) with { Name = AlderName },
        Partner("pa2", "reseller", ManagerA) with { Name = BirchName },
        Partner("pb1", "reseller", ManagerB) with { Name = CedarName },
        Account("acc-1", "acc-1.example", "mid_market"),
        Account("acc-2", "acc-2.example", "mid_market"),
        Account("acc-3", "acc-3.example", "mid_market"),
    ];

    private static Opportunity Deal(Opportunity deal, string name, DateOnly? closeDate = null) =>
        deal with { Name = name, CloseDate = closeDate ?? deal.CloseDate };
}
