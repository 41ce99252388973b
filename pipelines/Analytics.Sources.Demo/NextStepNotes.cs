namespace Analytics.Sources.Demo;

/// <summary>The next-step notes sellers write, by motion and stage: what the deal needs to leave that stage.</summary>
internal static class NextStepNotes
{
    private static readonly string[][][] Notes =
    [
        [
            ["Book discovery call with the economic buyer", "Confirm pain points and current tooling"],
            ["Qualify budget and timeline", "Map the buying committee"],
            ["Send proposal and pricing", "Run tailored demo for the wider team"],
            ["Negotiate terms with procurement", "Security review and MSA redlines"],
            ["Collect signatures", "Confirm PO number and start date"],
        ],
        [
            ["Partner to send intro e-mail and book first meeting", "Log the partner's referral notes"],
            ["Validate fit with the referring partner", "Confirm decision maker the partner introduced"],
            ["Joint value session with the partner", "Share ROI model reviewed by the partner"],
            ["Agree commercials; confirm referral fee", "Send order form"],
            ["Close and confirm partner credit", "Submit referral fee request"],
        ],
        [
            ["Approve the partner's deal registration", "Check registration against open pipeline"],
            ["Partner qualifies budget and timing", "Joint account plan with the reseller"],
            ["Partner to configure quote", "Confirm discount band with channel desk"],
            ["Partner transacts the order", "Chase partner PO"],
            ["Kick-off and enablement with the partner", "Confirm launch date with the reseller"],
        ],
        [
            ["Confirm listing is live for the buyer's cloud account", "Check buyer's committed cloud spend"],
            ["Publish private offer", "Revise private offer terms"],
            ["Buyer procurement review of the private offer", "Chase buyer's marketplace approval"],
            ["Buyer accepts offer; confirm disbursement", "Reconcile marketplace fees"],
            ["Adoption review; plan expansion", "Confirm usage after first month"],
        ],
        [
            ["Solution design workshop with the services partner", "Scope the integration with the partner"],
            ["Run proof workshop", "Agree success criteria for the proof"],
            ["Agree services and licence commercials", "Review partner SOW"],
            ["Partner starts delivery", "Weekly delivery check-in"],
            ["Handoff to customer success", "Sign-off of delivery milestones"],
        ],
        [
            ["Confirm integration fit with the tech partner", "Review joint architecture"],
            ["Enable partner's field team", "Share co-sell playbook"],
            ["Activate joint pipeline with the partner's reps", "Joint call with partner AE"],
            ["Validate integration in customer environment", "Technical validation sign-off"],
            ["Close commercials with joint pricing", "Send order form with integration bundle"],
        ],
    ];

    public static string For(int motion, int stage, DemoRandom random)
    {
        var options = Notes[motion][stage - 1];
        return options[random.Next(options.Length)];
    }
}
