namespace Analytics.Pipelines.Crm;

/// <summary>
/// The sales motions and their ordered stages (DOMAIN.md, "Partner motions"). Every motion has five open stages,
/// stage_index 1 to 5; a closed opportunity is in <see cref="ClosedWon"/> (stage_index 6) or
/// <see cref="ClosedLost"/> (stage_index 0) whatever its motion.
/// </summary>
public static class MotionStages
{
    /// <summary>The stage of a won opportunity.</summary>
    public const string ClosedWon = "closed_won";

    /// <summary>The stage_index of <see cref="ClosedWon"/>: one past the last open stage.</summary>
    public const int ClosedWonIndex = 6;

    /// <summary>The stage of a lost opportunity.</summary>
    public const string ClosedLost = "closed_lost";

    /// <summary>The stage_index of <see cref="ClosedLost"/>: below every open stage.</summary>
    public const int ClosedLostIndex = 0;

    /// <summary>The number of open stages of every motion.</summary>
    public const int OpenStageCount = 5;

    /// <summary>The motion of an opportunity with no partner.</summary>
    public const string Direct = "direct";

    private static readonly string[] DirectStages = ["discovery", "qualification", "proposal", "negotiation", "commit"];
    private static readonly string[] ReferralStages = ["intro_logged", "validate", "prove_value", "commercials", "closed_credit"];
    private static readonly string[] ResellerStages = ["deal_registration", "qualification", "configure_quote", "transact", "launch_enable"];
    private static readonly string[] MarketplaceStages = ["listing_ready", "private_offer", "procurement", "close_disburse", "adopt_expand"];
    private static readonly string[] ServicesStages = ["solution_design", "proof_workshop", "commercials", "delivery", "handoff"];
    private static readonly string[] TechStages = ["integration_fit", "field_readiness", "pipeline_activation", "validation", "commercials_close"];

    /// <summary>Every motion: <c>direct</c> first, then the five partner motions in DOMAIN.md order.</summary>
    public static IReadOnlyList<string> Motions { get; } = ["direct", "referral", "reseller", "marketplace", "services", "tech"];

    /// <summary>The five partner motions; each is also the partner_type and the opportunity_partners role of that motion.</summary>
    public static IReadOnlyList<string> PartnerMotions { get; } = ["referral", "reseller", "marketplace", "services", "tech"];

    /// <summary>
    /// Every stage name any opportunity can be in: the open stages of all motions (each name once, in motion then
    /// stage order), then <see cref="ClosedWon"/> and <see cref="ClosedLost"/>.
    /// </summary>
    public static IReadOnlyList<string> AllStages { get; } = CollectAllStages();

    /// <summary>Returns the five open stages of <paramref name="motion"/>, in order (stage_index 1 to 5).</summary>
    /// <exception cref="ArgumentException"><paramref name="motion"/> is not one of <see cref="Motions"/>.</exception>
    public static IReadOnlyList<string> For(string motion) => motion switch
    {
        "direct" => DirectStages,
        "referral" => ReferralStages,
        "reseller" => ResellerStages,
        "marketplace" => MarketplaceStages,
        "services" => ServicesStages,
        "tech" => TechStages,
        _ => throw new ArgumentException(
            $"Unknown motion '{motion}'; expected one of {string.Join(", ", Motions)}.", nameof(motion)),
    };

    /// <summary>
    /// Returns the stage name at <paramref name="stageIndex"/> for <paramref name="motion"/>: 1-5 an open stage,
    /// 6 <see cref="ClosedWon"/>, 0 <see cref="ClosedLost"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stageIndex"/> is outside 0-6.</exception>
    public static string StageAt(string motion, int stageIndex) => stageIndex switch
    {
        ClosedLostIndex => ClosedLost,
        ClosedWonIndex => ClosedWon,
        >= 1 and <= OpenStageCount => For(motion)[stageIndex - 1],
        _ => throw new ArgumentOutOfRangeException(nameof(stageIndex), stageIndex, "A stage_index is between 0 and 6."),
    };

    /// <summary>
    /// Returns the stage_index of <paramref name="stage"/> in <paramref name="motion"/> (1-5, or 6 / 0 for the closed
    /// stages), or -1 when the motion has no such stage.
    /// </summary>
    public static int IndexOf(string motion, string stage)
    {
        if (stage == ClosedWon)
        {
            return ClosedWonIndex;
        }

        if (stage == ClosedLost)
        {
            return ClosedLostIndex;
        }

        var stages = For(motion);
        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i] == stage)
            {
                return i + 1;
            }
        }

        return -1;
    }

    private static string[] CollectAllStages()
    {
        var all = new List<string>();
        foreach (var motion in new[] { "direct", "referral", "reseller", "marketplace", "services", "tech" })
        {
            foreach (var stage in For(motion))
            {
                if (!all.Contains(stage))
                {
                    all.Add(stage);
                }
            }
        }

        all.Add(ClosedWon);
        all.Add(ClosedLost);
        return [.. all];
    }
}
