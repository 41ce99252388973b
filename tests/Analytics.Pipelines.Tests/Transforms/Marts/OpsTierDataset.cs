using Analytics.Pipelines.Crm;
using static Analytics.TestSupport.Datasets.OpsDataset;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// Credits, CSAT, certifications and proofs for tier_inputs. Snapshot 2026-10-07 (2026-Q4 is the current quarter;
/// cut-off 2026-10-08 00:00). Fiscal year = calendar year.
/// </summary>
/// <remarks>
/// <code>
/// Partners: ptn-01 reseller select, joined 2025-03-15 (rows 2025-Q1..2026-Q4); ptn-02 services, joined 2026-05-10
/// (2026-Q2..Q4); ptn-03 tech, joined 2026-08-01 (2026-Q3..Q4).
///
/// Won deals and credits (credited = arr * pct / 100, to cents)
/// opp-01 closed 2025-05-10 (2025-Q2) arr 10,000     ptn-01 sourced 100    10,000.00
/// opp-02 closed 2025-08-20 (2025-Q3) arr 20,000     ptn-01 sourced 50     10,000.00
/// opp-03 closed 2025-11-03 (2025-Q4) arr 40,000     ptn-01 influenced 25  10,000.00
/// opp-04 closed 2026-02-14 (2026-Q1) arr 8,000 (a renewal: all types count)  ptn-01 sourced 100  8,000.00
/// opp-05 closed 2026-06-30 23:00 (2026-Q2) arr 12,345.67  ptn-01 sourced 60 7,407.40; ptn-02 influenced 40 4,938.27
/// opp-06 closed lost 2026-08-01                      ptn-01 sourced 100    nothing
/// opp-07 closed 2026-10-02 (2026-Q4) arr 5,000      ptn-01 sourced 100    5,000.00; ptn-02 (no attribution, 50 %) nothing
///
/// ptn-01 rolling four quarters     sourced      influenced   credited
/// 2025-Q1                          0            0            0
/// 2025-Q2                          10,000       0            10,000
/// 2025-Q3                          20,000       0            20,000
/// 2025-Q4                          20,000       10,000       30,000
/// 2026-Q1                          28,000       10,000       38,000
/// 2026-Q2 (2025-Q2 drops out)      25,407.40    10,000       35,407.40
/// 2026-Q3                          15,407.40    10,000       25,407.40
/// 2026-Q4                          20,407.40    0            20,407.40
/// ptn-02 2026-Q2..Q4: influenced 4,938.27, sourced 0.
///
/// CSAT ptn-01: 5 (2025-06-01), 3 (2025-09-15), 4 (2026-04-10), 2 (2026-09-30)
///   2025-Q1 null/0; 2025-Q2 5/1; 2026-Q2 (3, 4) 3.5/2; 2026-Q3 (4, 2) 3/2; 2026-Q4 (4, 2) 3/2.  ptn-02: none, null/0.
///
/// Certifications (judged at the quarter end; at the cut-off 2026-10-08 00:00 for 2026-Q4)
/// a@ earned 2025-02-01 expires 2026-08-15 (inside 2026-Q3)     b@ two certifications, 2026-01-10 and 2026-03-01, unexpired
/// c@ earned 2026-10-05 (inside the current quarter)            d@ earned 2026-09-01 expires 2026-10-05 (after 2026-Q3's end)
/// f@ earned 2026-07-01 expires 2026-11-01 (after the cut-off, before the current quarter's end)
/// ptn-01: 2025-Q1..Q4 1 (a); 2026-Q1, Q2 2 (a, b); 2026-Q3 3 (b, d, f); 2026-Q4 3 (b, c, f).  ptn-02: e@ from 2026-06-01: 1.
///
/// Proofs: ptn-01 case_study 2025-05-01, marketplace_review 2026-01-20; ptn-02 sow 2026-07-15; ptn-03 validated_integration 2026-09-01.
/// ptn-01 recent_proofs: 2025-Q1 0; 2025-Q2..Q4 1 (case study); 2026-Q1 2; 2026-Q2..Q4 1 (no case study).
///
/// Hygiene: ptn-01 has one clean open deal (opp-08, a renewal) -> 1.0 in 2026-Q4 only; ptn-02, ptn-03 have none -> null.
/// </code>
/// </remarks>
public static class OpsTierDataset
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
        var fresh = At(2026, 10, 6, 10);
        return
        [
            Partner("ptn-01", "reseller", ManagerA, At(2025, 3, 15), "select"),
            Partner("ptn-02", "services", ManagerA, At(2026, 5, 10)),
            Partner("ptn-03", "tech", ManagerB, At(2026, 8, 1)),
            Account("acc-01", "alpha.com", "smb"),

            Won("opp-01", "acc-01", "reseller", At(2025, 4, 1), At(2025, 5, 10, 12), 10_000m),
            PartnerRow("opp-01", "ptn-01", "reseller", "sourced", 100m),
            Won("opp-02", "acc-01", "reseller", At(2025, 7, 1), At(2025, 8, 20, 12), 20_000m),
            PartnerRow("opp-02", "ptn-01", "reseller", "sourced", 50m),
            Won("opp-03", "acc-01", "reseller", At(2025, 9, 1), At(2025, 11, 3, 12), 40_000m),
            PartnerRow("opp-03", "ptn-01", "reseller", "influenced", 25m),
            Won("opp-04", "acc-01", "reseller", At(2026, 1, 5), At(2026, 2, 14, 12), 8_000m, "renewal"),
            PartnerRow("opp-04", "ptn-01", "reseller", "sourced", 100m),
            Won("opp-05", "acc-01", "services", At(2026, 5, 20), At(2026, 6, 30, 23), 12_345.67m),
            PartnerRow("opp-05", "ptn-01", "reseller", "sourced", 60m),
            PartnerRow("opp-05", "ptn-02", "services", "influenced", 40m),
            Lost("opp-06", "acc-01", "reseller", At(2026, 7, 1), At(2026, 8, 1, 12), 9_000m),
            PartnerRow("opp-06", "ptn-01", "reseller", "sourced", 100m),
            Won("opp-07", "acc-01", "reseller", At(2026, 8, 10), At(2026, 10, 2, 12), 5_000m),
            PartnerRow("opp-07", "ptn-01", "reseller", "sourced", 100m),
            PartnerRow("opp-07", "ptn-02", "services", null, 50m),
            Open("opp-08", "acc-01", "reseller", At(2026, 9, 1), fresh, fresh, type: "renewal"),
            PartnerRow("opp-08", "ptn-01", "reseller", "sourced", 100m),

            new CsatResponse("csat-01", "ptn-01", "acc-01", 5, At(2025, 6, 1)),
            new CsatResponse("csat-02", "ptn-01", "acc-01", 3, At(2025, 9, 15)),
            new CsatResponse("csat-03", "ptn-01", "acc-01", 4, At(2026, 4, 10)),
            new CsatResponse("csat-04", "ptn-01", "acc-01", 2, At(2026, 9, 30)),

            new Certification("cert-01", "ptn-01", "a@ptn-01.example", "sales", At(2025, 2, 1), At(2026, 8, 15)),
            new Certification("cert-02", "ptn-01", "b@ptn-01.example", "sales", At(2026, 1, 10), At(2027, 1, 10)),
            new Certification("cert-03", "ptn-01", "b@ptn-01.example", "technical", At(2026, 3, 1), null),
            new Certification("cert-04", "ptn-01", "c@ptn-01.example", "sales", At(2026, 10, 5), At(2028, 10, 5)),
            new Certification("cert-05", "ptn-01", "d@ptn-01.example", "sales", At(2026, 9, 1), At(2026, 10, 5)),
            new Certification("cert-06", "ptn-01", "f@ptn-01.example", "sales", At(2026, 7, 1), At(2026, 11, 1)),
            new Certification("cert-07", "ptn-02", "e@ptn-02.example", "delivery", At(2026, 6, 1), null),

            new PartnerProof("prf-01", "ptn-01", "case_study", At(2025, 5, 1)),
            new PartnerProof("prf-02", "ptn-01", "marketplace_review", At(2026, 1, 20)),
            new PartnerProof("prf-03", "ptn-02", "sow", At(2026, 7, 15)),
            new PartnerProof("prf-04", "ptn-03", "validated_integration", At(2026, 9, 1)),
        ];
    }
}
