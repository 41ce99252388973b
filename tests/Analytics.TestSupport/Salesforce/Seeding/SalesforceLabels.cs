using System.Globalization;

namespace Analytics.TestSupport.Salesforce.Seeding;

/// <summary>
/// The Salesforce picklist labels the default mapping's value maps turn into canonical values, backwards: canonical
/// value → the label an org stores (stage <c>intro_logged</c> → <c>Intro Logged</c>, type <c>renewal</c> →
/// <c>Existing Customer - Renewal</c>).
/// </summary>
public static class SalesforceLabels
{
    /// <summary>A stage name as an Opportunity.StageName label: <c>closed_won</c> → <c>Closed Won</c>.</summary>
    public static string Stage(string stage) => TitleCase(stage);

    /// <summary>opportunity_type → Opportunity.Type.</summary>
    public static string OpportunityType(string type) => type switch
    {
        "new_business" => "New Customer",
        "renewal" => "Existing Customer - Renewal",
        "expansion" => "Existing Customer - Upgrade",
        _ => type,
    };

    /// <summary>partners.tier → ChannelProgramLevel.Name: <c>select</c> → <c>Select</c>.</summary>
    public static string Tier(string tier) => TitleCase(tier);

    /// <summary>A registration status → Lead.Status: <c>pending</c> → <c>Pending</c>.</summary>
    public static string LeadStatus(string status) => TitleCase(status);

    /// <summary>activity_type (not meeting) → Task.TaskSubtype: call → Call, email → Email, note → Task.</summary>
    public static string TaskSubtype(string activityType) => activityType switch
    {
        "call" => "Call",
        "email" => "Email",
        "note" => "Task",
        _ => activityType,
    };

    private static string TitleCase(string value) =>
        string.Join(' ', value.Split('_').Select(w => w.Length == 0 ? w : char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));
}
