namespace Analytics.Models.StalledDeals;

/// <summary>A group of features that together make one reason in plain words.</summary>
public enum ReasonFamily
{
    /// <summary>Time in the current stage against the motion's median.</summary>
    StageAge,

    /// <summary>Days since the last activity.</summary>
    ActivityGap,

    /// <summary>Age of the next step.</summary>
    NextStep,

    /// <summary>Activities in the last 14 days.</summary>
    ActivityCount,

    /// <summary>The deal's ARR.</summary>
    DealSize,

    /// <summary>The motion.</summary>
    Motion,

    /// <summary>The open stage.</summary>
    Stage,

    /// <summary>The primary partner's tier.</summary>
    Tier,

    /// <summary>The primary partner's certified people.</summary>
    Certifications,

    /// <summary>The primary partner's historical win rate.</summary>
    PartnerWinRate,

    /// <summary>Deal registration and its protection.</summary>
    Registration,

    /// <summary>Channel conflict status.</summary>
    Conflict,

    /// <summary>Partners on the deal.</summary>
    Partners,
}
