using Analytics.Pipelines.Crm;

namespace Analytics.TestSupport.Datasets;

/// <summary>
/// Short constructors for the hand-built revenue datasets: every record satisfies the staging data tests (required
/// fields, accepted values, consistent stage encoding), so a dataset only states what its test is about.
/// </summary>
public static class RevenueRecords
{
    /// <summary>When every test partner joined; the fiscal-quarter spine starts at the earliest of this and the deals.</summary>
    public static readonly DateTime PartnersJoined = Utc(2025, 11, 3);

    private const string Seller = "sam.seller@vendor.example";

    public static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    public static Partner Partner(string partnerId, string partnerType) =>
        new(partnerId, $"Partner {partnerId}", partnerType, "registered", "emea", "software", "pat.manager@vendor.example", PartnersJoined, "active", null);

    public static Account Account(string accountId, string segment, string? incumbentPartnerId = null) =>
        new(accountId, $"Account {accountId}", $"{accountId}.example", "emea", segment, Seller, incumbentPartnerId);

    public static Opportunity Won(string opportunityId, string accountId, string opportunityType, string? motion, decimal arr, DateTime createdAt, DateTime closedAt, string? dealRegistrationId = null) =>
        new(opportunityId, accountId, $"Deal {opportunityId}", opportunityType, motion, MotionStages.ClosedWon, MotionStages.ClosedWonIndex, true, true, arr,
            createdAt, DateOnly.FromDateTime(closedAt), closedAt, Seller, "Kick-off call", createdAt, closedAt, dealRegistrationId, "none", null);

    public static Opportunity Lost(string opportunityId, string accountId, string opportunityType, string? motion, decimal arr, DateTime createdAt, DateTime closedAt, string? dealRegistrationId = null) =>
        new(opportunityId, accountId, $"Deal {opportunityId}", opportunityType, motion, MotionStages.ClosedLost, MotionStages.ClosedLostIndex, true, false, arr,
            createdAt, DateOnly.FromDateTime(closedAt), closedAt, Seller, "Send proposal", createdAt, closedAt, dealRegistrationId, "none", "price");

    public static Opportunity Open(string opportunityId, string accountId, string opportunityType, string? motion, decimal arr, DateTime createdAt, DateOnly closeDate, int stageIndex = 1) =>
        new(opportunityId, accountId, $"Deal {opportunityId}", opportunityType, motion, MotionStages.StageAt(motion ?? MotionStages.Direct, stageIndex), stageIndex,
            false, false, arr, createdAt, closeDate, null, Seller, "Send proposal", createdAt, createdAt, null, "none", null);

    public static OpportunityPartner Credit(string opportunityId, string partnerId, string role, string? attribution, decimal? attributionPct) =>
        new(opportunityId, partnerId, role, attribution, attributionPct, PartnersJoined);

    /// <summary>The stage history of one opportunity: (stage_index, entered_at) pairs, named after the motion's stages.</summary>
    public static IEnumerable<StageHistoryEntry> History(string opportunityId, string motion, params (int StageIndex, DateTime EnteredAt)[] entries) =>
        entries.Select(e => new StageHistoryEntry(opportunityId, MotionStages.StageAt(motion, e.StageIndex), e.StageIndex, e.EnteredAt));

    /// <summary>A converted deal registration (approved an hour after submission, 90-day protection).</summary>
    public static DealRegistration Registration(string registrationId, string partnerId, string accountId, string opportunityId, DateTime submittedAt) =>
        new(registrationId, partnerId, accountId, $"Account {accountId}", $"{accountId}.example", opportunityId, submittedAt, submittedAt.AddHours(1),
            "converted", null, DateOnly.FromDateTime(submittedAt), DateOnly.FromDateTime(submittedAt).AddDays(89), 0);
}
