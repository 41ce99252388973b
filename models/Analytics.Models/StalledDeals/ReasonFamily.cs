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

    /// <summary>How long the motion usually spends in the deal's stage.</summary>
    StagePace,

    /// <summary>Days since the deal was created.</summary>
    DealAge,

    /// <summary>New business, renewal or expansion.</summary>
    DealType,

    /// <summary>The expected close date.</summary>
    CloseDate,

    /// <summary>Where the snapshot falls in the fiscal quarter.</summary>
    QuarterEnd,

    /// <summary>How the deal's owner keeps their other partner deals.</summary>
    OwnerHabits,
}
