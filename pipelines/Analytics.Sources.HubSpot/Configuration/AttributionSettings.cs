namespace Analytics.Sources.HubSpot.Configuration;

/// <summary>
/// How opportunity_partners rows come from deal→company associations (<c>source.hubspot.attribution</c>). HubSpot puts
/// partner attribution on a USER_DEFINED association label; an association carries no values of its own, so the
/// percentage and the date the partner was added are deal properties listing <c>&lt;company id&gt;=&lt;value&gt;</c>
/// pairs separated by semicolons (<c>9001=60;9002=40</c>).
/// </summary>
/// <param name="Labels">Association label → sourced, influenced, or null (a partner on the deal whose attribution is not recorded yet).</param>
/// <param name="RoleProperty">The partner company's property giving the row's role (its partner type).</param>
/// <param name="PctProperty">The deal property holding each partner's attribution %.</param>
/// <param name="AddedAtProperty">The deal property holding when each partner was added.</param>
public sealed record AttributionSettings(
    IReadOnlyDictionary<string, string?> Labels,
    string RoleProperty,
    string PctProperty,
    string AddedAtProperty)
{
    /// <summary>The defaults: "Sourced partner", "Influencing partner" and "Partner" (not yet attributed).</summary>
    public static AttributionSettings Default { get; } = new(
        new Dictionary<string, string?>(StringComparer.Ordinal) { ["Sourced partner"] = "sourced", ["Influencing partner"] = "influenced", ["Partner"] = null },
        "partner_type",
        "partner_attribution_pct",
        "partner_added_at");
}
