using Analytics.Pipelines.Crm;

namespace Analytics.Sources.Demo;

/// <summary>
/// How deals of one motion behave in the demo: how often they occur, how large they are, how long their stages
/// last when the deal is healthy, and how likely each stage is to end in a loss. The loss scales are calibrated so
/// that new-business win rates land near the targets in docs/demo-crm.md.
/// </summary>
internal sealed class MotionProfile
{
    public const int Direct = 0;
    public const int Referral = 1;
    public const int Reseller = 2;
    public const int Marketplace = 3;
    public const int Services = 4;
    public const int Tech = 5;

    /// <summary>Relative chance that a stage's end is a loss, by stage (early stages lose more). Declared before
    /// <see cref="Profiles"/>, whose initialiser reads it.</summary>
    private static readonly double[] LossShape = [0.34, 0.30, 0.24, 0.16, 0.10];

    private static readonly MotionProfile[] Profiles =
    [
        new("direct", share: 50, sizeFactor: 1.00, stageDays: [20, 21, 25, 18, 12], lossScale: 0.34, disqualified: 0.30),
        new("referral", share: 13, sizeFactor: 0.62, stageDays: [9, 16, 21, 16, 10], lossScale: 0.43, disqualified: 0.25),
        new("reseller", share: 14, sizeFactor: 0.55, stageDays: [7, 14, 19, 15, 10], lossScale: 0.58, disqualified: 0.28),
        new("marketplace", share: 9, sizeFactor: 0.70, stageDays: [6, 9, 11, 8, 6], lossScale: 0.78, disqualified: 0.30),
        new("services", share: 8, sizeFactor: 0.45, stageDays: [13, 23, 31, 26, 16], lossScale: 0.19, disqualified: 0.25),
        new("tech", share: 6, sizeFactor: 0.62, stageDays: [11, 20, 26, 20, 12], lossScale: 0.33, disqualified: 0.28),
    ];

    private MotionProfile(string name, double share, double sizeFactor, double[] stageDays, double lossScale, double disqualified)
    {
        Name = name;
        Share = share;
        SizeFactor = sizeFactor;
        StageDays = stageDays;
        StageLoss = Array.ConvertAll(LossShape, shape => shape * lossScale);
        DisqualifiedShare = disqualified;
    }

    /// <summary>The motion's name as in <see cref="MotionStages.Motions"/>.</summary>
    public string Name { get; }

    /// <summary>Relative weight of the motion among new-business opportunities.</summary>
    public double Share { get; }

    /// <summary>Multiplier on the segment's typical ARR: partner deals are smaller.</summary>
    public double SizeFactor { get; }

    /// <summary>Mean days a healthy new-business deal spends in stages 1-5 before it advances or is lost.</summary>
    public IReadOnlyList<double> StageDays { get; }

    /// <summary>
    /// For stages 1-5 of a healthy new-business deal, the share of the daily chance of leaving the stage that is a
    /// loss rather than an advance (<see cref="OpportunitySimulator"/> scales both parts by the deal's state).
    /// </summary>
    public IReadOnlyList<double> StageLoss { get; }

    /// <summary>Share of new-business deals disqualified (closed lost as not_qualified) in their first two weeks.</summary>
    public double DisqualifiedShare { get; }

    public static MotionProfile Of(int motion) => Profiles[motion];

    public static int Count => Profiles.Length;

    /// <summary>Expected days from creation to close of a healthy, won new-business deal.</summary>
    public double ExpectedCycleDays()
    {
        var days = 0.0;
        foreach (var stageDays in StageDays)
        {
            days += stageDays;
        }

        return days;
    }
}
