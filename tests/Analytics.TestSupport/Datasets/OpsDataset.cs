using Analytics.Pipelines.Crm;

namespace Analytics.TestSupport.Datasets;

/// <summary>
/// Short builders for the hand-built operations datasets (registrations, conflicts, hygiene, tiers): every record
/// gets valid defaults for the fields a dataset does not care about, so each dataset reads as its table of cases.
/// </summary>
public static class OpsDataset
{
    public const string ManagerA = "ana.manager@vendor.example";
    public const string ManagerB = "ben.manager@vendor.example";
    public const string Seller = "sam.seller@vendor.example";

    /// <summary>A UTC timestamp.</summary>
    public static DateTime At(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    public static DateOnly Day(int year, int month, int day) => new(year, month, day);

    public static Partner Partner(string id, string type, string manager, DateTime? joinedAt = null, string tier = "registered") =>
        new(id, $"Partner {id}", type, tier, "emea", "software", manager, joinedAt ?? At(2025, 1, 6), "active", null);

    public static Account Account(string id, string domain, string segment) =>
        new(id, $"Account {id}", domain, "emea", segment, Seller, null);

    /// <summary>An open opportunity at <paramref name="stageIndex"/> of its motion (the direct stages when the motion is blank).</summary>
    public static Opportunity Open(
        string id, string accountId, string? motion, DateTime createdAt, DateTime? nextStepUpdatedAt, DateTime? lastActivityAt,
        string type = "new_business", int stageIndex = 2, decimal arr = 10_000m, string? dealRegistrationId = null) =>
        new(id, accountId, $"Deal {id}", type, motion, MotionStages.StageAt(motion ?? MotionStages.Direct, stageIndex), stageIndex,
            false, false, arr, createdAt, DateOnly.FromDateTime(createdAt.AddDays(90)), null, Seller, "Next call",
            nextStepUpdatedAt, lastActivityAt, dealRegistrationId, "none", null);

    public static Opportunity Won(
        string id, string accountId, string motion, DateTime createdAt, DateTime closedAt, decimal arr, string type = "new_business") =>
        new(id, accountId, $"Deal {id}", type, motion, MotionStages.ClosedWon, MotionStages.ClosedWonIndex, true, true, arr,
            createdAt, DateOnly.FromDateTime(closedAt), closedAt, Seller, null, closedAt, closedAt, null, "none", null);

    public static Opportunity Lost(string id, string accountId, string motion, DateTime createdAt, DateTime closedAt, decimal arr) =>
        new(id, accountId, $"Deal {id}", "new_business", motion, MotionStages.ClosedLost, MotionStages.ClosedLostIndex, true, false, arr,
            createdAt, DateOnly.FromDateTime(closedAt), closedAt, Seller, null, closedAt, closedAt, null, "none", "price");

    public static OpportunityPartner PartnerRow(
        string opportunityId, string partnerId, string role, string? attribution = "sourced", decimal? attributionPct = 100m, DateTime? addedAt = null) =>
        new(opportunityId, partnerId, role, attribution, attributionPct, addedAt ?? At(2026, 1, 5));

    /// <summary>A deal registration; <paramref name="companyDomain"/> defaults to a domain no account has.</summary>
    public static DealRegistration Registration(
        string id, string partnerId, string? accountId, DateTime submittedAt, DateTime? decidedAt, string status,
        string? declineReason = null, DateOnly? protectionStart = null, DateOnly? protectionEnd = null, string? opportunityId = null,
        string? companyDomain = null, int extensionCount = 0) =>
        new(id, partnerId, accountId, $"Company {id}", companyDomain ?? $"{id}.example", opportunityId, submittedAt, decidedAt, status,
            declineReason, protectionStart, protectionEnd, extensionCount);

    public static LeadRegistration Lead(
        string id, string partnerId, string companyDomain, DateTime submittedAt, DateTime? firstResponseAt, string status,
        DateTime? decidedAt = null, DateTime? firstMeetingAt = null, string? convertedOpportunityId = null) =>
        new(id, partnerId, $"Company {id}", companyDomain, submittedAt, firstResponseAt, decidedAt, status, firstMeetingAt, convertedOpportunityId);

    public static Conflict Conflict(
        string id, string accountId, string type, string cause, DateTime openedAt, DateTime? acknowledgedAt, DateTime? resolvedAt) =>
        new(id, accountId, type, cause, openedAt, acknowledgedAt, resolvedAt, resolvedAt is null ? null : "partner_retains");
}
