using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Sources.Files;
using Analytics.TestSupport.Files;

namespace Analytics.Pipelines.Tests.Sources.Files;

public sealed class CanonicalRowLoaderTests
{
    [Fact]
    public void Canonical_rows_go_through_the_file_drops_validation_and_quarantine_names_the_label_row_and_origin()
    {
        using var temp = new TempDirectory();
        using var staging = new SnapshotStaging(temp.Combine("spill"));
        string[] header = ["proof_id", "partner_id", "proof_type", "recorded_at", "ignored_extra"];
        CanonicalRow[] rows =
        [
            new(1, ["a04F1", "001P1", "case_study", "2026-01-02T09:00:00.000Z", "x"], "Partner_Proof__c a04F1"),
            new(2, ["a04F2", "001P1", "testimonial", "2026-01-03T09:00:00.000Z", null], "Partner_Proof__c a04F2"),
            new(3, ["a04F1", "001P1", "sow", "2026-01-04T09:00:00.000Z", null], "Partner_Proof__c a04F1b"),
        ];

        var read = new CanonicalRowLoader(null, null, 1000).Load(CrmSchema.PartnerProofs, "salesforce Partner_Proof__c", header, rows, staging);

        Assert.Equal(3, read);
        Assert.Equal(1, staging.Landed("partner_proofs"));
        Assert.Equal(2, staging.Quarantined("partner_proofs"));
        var sample = staging.QuarantineSample("partner_proofs");
        Assert.Equal(("salesforce Partner_Proof__c", 2L, "proof_type"), (sample[0].File, sample[0].Line, sample[0].Field));
        Assert.EndsWith("(Partner_Proof__c a04F2)", sample[0].Reason, StringComparison.Ordinal);
        Assert.Contains("duplicates the primary key", sample[1].Reason, StringComparison.Ordinal);
        Assert.EndsWith("(Partner_Proof__c a04F1b)", sample[1].Reason, StringComparison.Ordinal);
    }
}
