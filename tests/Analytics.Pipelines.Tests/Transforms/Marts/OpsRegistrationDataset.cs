using Analytics.Pipelines.Crm;
using static Analytics.TestSupport.Datasets.OpsDataset;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// Deal and lead registrations for registration_sla, registration_decline_reasons, expiring_protections,
/// expired_protections and lead_registration_sla. Snapshot 2026-10-07 (a Wednesday); the cut-off, the end of the
/// snapshot day, is 2026-10-08 00:00. Fiscal year = calendar year.
/// </summary>
/// <remarks>
/// <code>
/// Deal registrations (SLA due = submitted + 48 h; "decision" as registration_sla defines it)
/// id     partner  submitted          decided              status     hours        SLA          decision  protection         opp
/// dr-01  ptn-01   2026-08-03 09:00   08-05 09:00:00       converted  48 exactly   met          approved  08-05..10-10       opp-01
/// dr-02  ptn-01   2026-08-10 09:00   08-12 09:00:01       declined   48 + 1 s     missed       declined  (duplicate)
/// dr-03  ptn-01   2026-08-17 10:00   08-17 16:00          expired    6            met          approved  08-17..09-30       -
/// dr-04  ptn-01   2026-09-01 08:00   09-01 20:00          declined   12           met          declined  (not_qualified)
/// dr-05  ptn-01   2026-09-20 12:00   -                    pending    -            missed (due 09-22 12:00, before the cut-off)
/// dr-06  ptn-01   2026-09-02 09:00   09-03 09:00          approved   24           met          approved  09-03..10-14 (snapshot + 7)
/// dr-07  ptn-01   2026-10-06 10:00   -                    pending    -            not_yet_due (due 10-08 10:00)
/// dr-08  ptn-01   2026-10-01 09:00   10-02 09:00          approved   24           met          approved  10-02..10-15 (snapshot + 8)
/// dr-09  ptn-01   2026-10-06 00:00   -                    pending    -            not_yet_due (due 10-08 00:00 = the cut-off)
/// dr-10  ptn-01   2026-10-05 08:00   -                    pending    -            missed (due 10-07 08:00)
/// dr-11  ptn-02   2026-07-06 09:00   07-06 11:00          expired    2            met          approved  07-06..09-03       -
/// dr-12  ptn-02   2026-07-13 09:00   07-13 13:00          expired    4            met          approved  07-13..09-10       opp-02
/// dr-13  ptn-02   2026-07-20 09:00   07-22 10:00          declined   49           missed       declined  (duplicate)
/// dr-14  ptn-02   2026-07-27 09:00   07-27 10:00          approved   1            met          approved  07-27..10-06 (ended yesterday)
/// dr-15  ptn-02   2026-08-03 09:00   08-03 10:00          approved   1            met          approved  08-03..10-07 (ends today)
/// dr-16  ptn-02   2026-08-10 09:00   08-10 15:00          declined   6            met          declined  (no reason)
/// dr-17  ptn-03   2026-04-06 09:00   04-08 09:00          declined   48           met          declined  (duplicate)
/// dr-18  ptn-03   2026-04-06 09:00   04-06 21:00          declined   12           met          declined  (not_qualified)
/// dr-19  ptn-03   2026-04-06 09:00   04-06 10:00          converted  1            met          approved  04-06..06-05       opp-03
///
/// registration_sla   submitted decided approved declined undecided met missed pending  share   approval  median hours
/// ptn-01 2026-Q3     6         5       3        2        1         4   2      0        4/6     3/5       6,12,24,48,48.0003 -> 24
/// ptn-01 2026-Q4     4         1       1        0        3         1   1      2        1/2     1/1       24
/// ptn-02 2026-Q3     6         6       4        2        0         5   1      0        5/6     4/6       1,1,2,4,6,49 -> 3
/// ptn-03 2026-Q2     3         3       1        2        0         3   0      0        1       1/3       1,12,48 -> 12
///
/// registration_decline_reasons: 2026-Q2 duplicate 1 (1/2, rank 1), not_qualified 1 (1/2, rank 1);
///                               2026-Q3 duplicate 2 (2/4, rank 1), not_qualified 1 (1/4, rank 2), unspecified 1 (1/4, rank 2).
/// expiring_protections: dr-15 (days_left 0), dr-06 (days_left 7); not dr-08 (8 days), not dr-01 (converted).
/// expired_protections: dr-03 (expired, 2026-Q3, 7 days), dr-11 (expired, 2026-Q3, 34 days),
///                      dr-14 (still approved, ended 10-06: 2026-Q4, 1 day); not dr-12 (it has an opportunity).
///
/// Leads (ptn-02; response due submitted + 24 h, meeting due submitted + 14 days)
/// id     domain         segment (source)           submitted         response (h)        meeting (days)      status
/// ld-01  ALPHA.com      smb (account acc-01)       2026-08-03 09:00  24 exactly: met     14 exactly: met     approved
/// ld-02  unknownco.io   mid_market (opp-02's acc)  2026-09-07 09:00  1: met              3: met              approved
/// ld-03  nowhere.io     unknown                    2026-10-07 10:00  none: not_yet_due   none: not_yet_due   pending
/// ld-04  alpha.com      smb                        2026-08-10 09:00  24 h + 1 s: missed  none: missed        declined
/// ld-05  alpha.com      smb                        2026-08-17 09:00  3: met              19: missed          approved
/// ld-06  nowhere2.io    unknown                    2026-10-06 08:00  none: missed        none: not_yet_due   pending
///
/// lead_registration_sla            submitted  resp met/missed/pending  share  meeting met/missed/pending  share  approval
/// ptn-02 smb        2026-Q3        3          2/1/0                    2/3    1/2/0                       1/3    2/3
/// ptn-02 mid_market 2026-Q3        1          1/0/0                    1      1/0/0                       1      1
/// ptn-02 unknown    2026-Q4        2          0/1/1                    0      0/0/2                       null   null
/// median first response hours, smb 2026-Q3: 3, 24, 24.0003 -> 24
/// </code>
/// </remarks>
public static class OpsRegistrationDataset
{
    public static DateOnly SnapshotDate { get; } = Day(2026, 10, 7);

    /// <summary>The dataset's warehouse, built once per test class.</summary>
    public sealed class Fixture : IDisposable
    {
        public TestWarehouse Warehouse { get; } = TestWarehouse.Build(SnapshotDate, Records());

        public void Dispose() => Warehouse.Dispose();
    }

    public static IReadOnlyList<ICrmRecord> Records()
    {
        var records = new List<ICrmRecord>
        {
            Partner("ptn-01", "reseller", ManagerA),
            Partner("ptn-02", "referral", ManagerA),
            Partner("ptn-03", "services", ManagerB),
            Account("acc-01", "alpha.com", "smb"),
            Account("acc-02", "beta.com", "mid_market"),
            Account("acc-03", "gamma.com", "enterprise"),
            Won("opp-01", "acc-01", "reseller", At(2026, 8, 20), At(2026, 9, 15), 20_000m),
            Open("opp-02", "acc-02", "referral", At(2026, 9, 8), At(2026, 10, 6), At(2026, 10, 6)),
            Won("opp-03", "acc-03", "services", At(2026, 4, 20), At(2026, 6, 1), 30_000m),
        };

        records.AddRange(
        [
            Registration("dr-01", "ptn-01", "acc-01", At(2026, 8, 3, 9), At(2026, 8, 5, 9), "converted", null, Day(2026, 8, 5), Day(2026, 10, 10), "opp-01"),
            Registration("dr-02", "ptn-01", null, At(2026, 8, 10, 9), At(2026, 8, 12, 9, 0, 1), "declined", "duplicate"),
            Registration("dr-03", "ptn-01", null, At(2026, 8, 17, 10), At(2026, 8, 17, 16), "expired", null, Day(2026, 8, 17), Day(2026, 9, 30)),
            Registration("dr-04", "ptn-01", null, At(2026, 9, 1, 8), At(2026, 9, 1, 20), "declined", "not_qualified"),
            Registration("dr-05", "ptn-01", null, At(2026, 9, 20, 12), null, "pending"),
            Registration("dr-06", "ptn-01", "acc-02", At(2026, 9, 2, 9), At(2026, 9, 3, 9), "approved", null, Day(2026, 9, 3), Day(2026, 10, 14)),
            Registration("dr-07", "ptn-01", null, At(2026, 10, 6, 10), null, "pending"),
            Registration("dr-08", "ptn-01", null, At(2026, 10, 1, 9), At(2026, 10, 2, 9), "approved", null, Day(2026, 10, 2), Day(2026, 10, 15)),
            Registration("dr-09", "ptn-01", null, At(2026, 10, 6), null, "pending"),
            Registration("dr-10", "ptn-01", null, At(2026, 10, 5, 8), null, "pending"),
            Registration("dr-11", "ptn-02", null, At(2026, 7, 6, 9), At(2026, 7, 6, 11), "expired", null, Day(2026, 7, 6), Day(2026, 9, 3)),
            Registration("dr-12", "ptn-02", "acc-02", At(2026, 7, 13, 9), At(2026, 7, 13, 13), "expired", null, Day(2026, 7, 13), Day(2026, 9, 10), "opp-02"),
            Registration("dr-13", "ptn-02", null, At(2026, 7, 20, 9), At(2026, 7, 22, 10), "declined", "duplicate"),
            Registration("dr-14", "ptn-02", null, At(2026, 7, 27, 9), At(2026, 7, 27, 10), "approved", null, Day(2026, 7, 27), Day(2026, 10, 6), extensionCount: 1),
            Registration("dr-15", "ptn-02", "acc-03", At(2026, 8, 3, 9), At(2026, 8, 3, 10), "approved", null, Day(2026, 8, 3), Day(2026, 10, 7)),
            Registration("dr-16", "ptn-02", null, At(2026, 8, 10, 9), At(2026, 8, 10, 15), "declined"),
            Registration("dr-17", "ptn-03", null, At(2026, 4, 6, 9), At(2026, 4, 8, 9), "declined", "duplicate"),
            Registration("dr-18", "ptn-03", null, At(2026, 4, 6, 9), At(2026, 4, 6, 21), "declined", "not_qualified"),
            Registration("dr-19", "ptn-03", "acc-03", At(2026, 4, 6, 9), At(2026, 4, 6, 10), "converted", null, Day(2026, 4, 6), Day(2026, 6, 5), "opp-03"),
        ]);

        records.AddRange(
        [
            Lead("ld-01", "ptn-02", "ALPHA.com", At(2026, 8, 3, 9), At(2026, 8, 4, 9), "approved", At(2026, 8, 4, 9), At(2026, 8, 17, 9)),
            Lead("ld-02", "ptn-02", "unknownco.io", At(2026, 9, 7, 9), At(2026, 9, 7, 10), "approved", At(2026, 9, 7, 10), At(2026, 9, 10, 9), "opp-02"),
            Lead("ld-03", "ptn-02", "nowhere.io", At(2026, 10, 7, 10), null, "pending"),
            Lead("ld-04", "ptn-02", "alpha.com", At(2026, 8, 10, 9), At(2026, 8, 11, 9, 0, 1), "declined", At(2026, 8, 12, 9)),
            Lead("ld-05", "ptn-02", "alpha.com", At(2026, 8, 17, 9), At(2026, 8, 17, 12), "approved", At(2026, 8, 18, 9), At(2026, 9, 5, 9)),
            Lead("ld-06", "ptn-02", "nowhere2.io", At(2026, 10, 6, 8), null, "pending"),
        ]);

        return records;
    }
}
