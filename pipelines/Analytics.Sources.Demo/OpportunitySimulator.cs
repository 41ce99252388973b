using static Analytics.Sources.Demo.PlantedEffects;

namespace Analytics.Sources.Demo;

/// <summary>
/// Lives one opportunity day by day from creation to close. Each day the seller's engagement may lapse or return,
/// activities and next-step updates happen or not, and the deal may advance a stage (closing won from stage 5) or
/// close lost. The daily chances of advancing and of losing are computed from the deal's state at the start of that
/// day (a quiet deal, a stale next step, the partner's tier and certified people): the planted effects of
/// <see cref="PlantedEffects"/>. Some deals are also disqualified in their first two weeks, and deals quiet for
/// long are scrubbed.
/// </summary>
internal static class OpportunitySimulator
{
    private const int MaxOpenDays = 540;
    private const double WeekendShare = 0.15;
    private const double ActivityChanceWhenEngaged = 0.30;
    private const double ActivityChanceWhenLapsed = 0.005;
    private const double NextStepChanceBase = 0.25;
    private const double NextStepChancePerDiligence = 0.12;
    private const double NextStepChanceWhenLapsed = 0.01;
    private const double LapseChancePerDay = 0.025;
    private const double RecoveryChancePerDay = 0.01;

    /// <summary>Scales weekday chances so that a week holds five weekdays and two quiet weekend days on average.</summary>
    private const double WeekdayFactor = 7.0 / (5.0 + (2.0 * WeekendShare));

    private static readonly string[] LossReasons = ["price", "competitor", "no_decision", "timing", "budget", "product_fit"];
    private static readonly double[] NewBusinessLossReasonWeights = [0.22, 0.28, 0.18, 0.14, 0.10, 0.08];
    private static readonly double[] RenewalLossReasonWeights = [0.30, 0.30, 0.08, 0.04, 0.20, 0.08];
    private static readonly double[] ActivityTypeWeights = [0.20, 0.25, 0.40, 0.15];

    /// <summary>Lives <paramref name="opportunity"/> from its creation to its close.</summary>
    /// <param name="opportunity">A new opportunity with nothing but its first facts.</param>
    /// <param name="random">The account's random stream.</param>
    /// <param name="plannedClose">The close date agreed in advance (renewals), or null to estimate one.</param>
    /// <param name="registered">True when a deal registration protects the deal.</param>
    public static void Live(OpportunityLife opportunity, DemoRandom random, DateOnly? plannedClose, bool registered)
    {
        var profile = MotionProfile.Of(opportunity.Motion);
        var (speed, typeLoss) = opportunity.Type switch
        {
            OpportunityLife.Renewal => (0.65, 0.08),
            OpportunityLife.Expansion => (0.75, 0.55),
            _ => (1.0, 1.0),
        };
        var partner = opportunity.PrimaryPartner;
        var warm = opportunity.IsPartnerMotion && opportunity.Type == OpportunityLife.NewBusiness;
        var created = opportunity.CreatedAt;
        var stage = 1;
        opportunity.Stages.Add(new StageEntry(created, stage));

        var lastActivity = created;
        if (random.Chance(0.9))
        {
            lastActivity = DemoCalendar.AfterHours(created, random.Uniform(0.05, 3));
            AddActivity(opportunity, lastActivity, random.Chance(0.6) ? 0 : 3, partner, random);
        }

        if (partner is not null && warm && random.Chance(0.6))
        {
            var intro = DemoCalendar.AfterHours(created, random.Uniform(0.5, 6));
            opportunity.Activities.Add(new ActivityEvent(intro, 0, partner));
            lastActivity = DemoCalendar.Max(lastActivity, intro);
        }

        var nextStepAt = created;
        if (random.Chance(0.96))
        {
            opportunity.NextSteps.Add(new NextStepUpdate(created, NextStepNotes.For(opportunity.Motion, stage, random)));
        }

        var closeDate = plannedClose ?? DemoCalendar.DateOf(created.AddDays(random.LogNormal(profile.ExpectedCycleDays() * speed * 1.1, 0.35)));
        opportunity.CloseDates.Add(new CloseDateChange(created, closeDate));

        // Many deals are disqualified at discovery, within two weeks, whatever their state.
        var partnerLoss = partner?.LossFactorAt(created) ?? 1.0;
        var disqualifiedShare = profile.DisqualifiedShare * partnerLoss * opportunity.Type switch
        {
            OpportunityLife.NewBusiness => 1.0,
            OpportunityLife.Expansion => 0.3,
            _ => 0.0,
        };
        var disqualifiedOn = random.Chance(disqualifiedShare) ? random.Next(2, 15) : -1;
        var lapsed = false;
        var lapseChance = LapseChancePerDay / opportunity.Owner.Diligence;
        var nextStepChance = NextStepChanceBase + (NextStepChancePerDiligence * opportunity.Owner.Diligence);
        for (var day = 1; ; day++)
        {
            var dayStart = created.Date.AddDays(day);
            var weekend = DemoCalendar.IsWeekend(dayStart);
            var dayFactor = weekend ? WeekendShare * WeekdayFactor : WeekdayFactor;
            var quietDays = (dayStart - lastActivity).TotalDays;
            var quiet = quietDays > ActivityGapDays;
            var stale = (dayStart - nextStepAt).TotalDays > StaleNextStepDays;

            if (day == disqualifiedOn)
            {
                opportunity.Close(DemoCalendar.WorkingTimeOn(dayStart, random), won: false, "not_qualified");
                break;
            }

            if (day > MaxOpenDays)
            {
                opportunity.Close(DemoCalendar.WorkingTimeOn(dayStart, random), won: false, "no_decision");
                break;
            }

            // Each day the stage may end in a loss or an advance; the deal's state at the start of the day scales each chance.
            if (partner is not null && day % 14 == 0)
            {
                partnerLoss = partner.LossFactorAt(dayStart);
            }

            var endChance = dayFactor / (profile.StageDays[stage - 1] * speed);
            var lossShare = Math.Min(0.95, profile.StageLoss[stage - 1] * typeLoss * partnerLoss * (registered ? 0.93 : 1.0));
            var lossChance = endChance * lossShare * (quiet ? LossFactorWhenQuiet : 1.0) * (stale ? LossFactorWhenStale : 1.0);
            var advanceChance = endChance * (1 - lossShare) * (quiet ? AdvanceFactorWhenQuiet : 1.0) * (stale ? AdvanceFactorWhenStale : 1.0);
            if (stage == 5 && IsQuarterEndPush(dayStart))
            {
                advanceChance *= 1.6;
            }

            var draw = random.NextDouble();
            if (draw < lossChance)
            {
                opportunity.Close(DemoCalendar.WorkingTimeOn(dayStart, random), won: false, LossReason(opportunity.Type, quiet || stale, random));
                break;
            }

            if (draw < lossChance + advanceChance)
            {
                var at = DemoCalendar.WorkingTimeOn(dayStart, random);
                AddActivity(opportunity, at, 0, partner, random);
                lastActivity = DemoCalendar.Max(lastActivity, at);
                lapsed = false;
                if (stage == 5)
                {
                    opportunity.Close(at, won: true, lostReason: null);
                    break;
                }

                stage++;
                opportunity.Stages.Add(new StageEntry(at, stage));
                if (random.Chance(0.85))
                {
                    opportunity.NextSteps.Add(new NextStepUpdate(at, NextStepNotes.For(opportunity.Motion, stage, random)));
                    nextStepAt = DemoCalendar.Max(nextStepAt, at);
                }

                continue;
            }

            if (quietDays > AbandonAfterQuietDays && random.Chance(AbandonChancePerQuietDay * partnerLoss))
            {
                opportunity.Close(DemoCalendar.WorkingTimeOn(dayStart, random), won: false, "no_decision");
                break;
            }

            lapsed = lapsed
                ? !random.Chance(RecoveryChancePerDay)
                : random.Chance(warm && day < 30 ? lapseChance * 0.5 : lapseChance);
            var weekdayOnly = weekend ? 0.1 : 1.0;
            if (random.Chance((lapsed ? ActivityChanceWhenLapsed : ActivityChanceWhenEngaged) * weekdayOnly))
            {
                var at = DemoCalendar.WorkingTimeOn(dayStart, random);
                AddActivity(opportunity, at, random.Pick(ActivityTypeWeights), partner, random);
                lastActivity = DemoCalendar.Max(lastActivity, at);
            }

            if (random.Chance((lapsed ? NextStepChanceWhenLapsed : nextStepChance) * weekdayOnly))
            {
                var at = DemoCalendar.WorkingTimeOn(dayStart, random);
                opportunity.NextSteps.Add(new NextStepUpdate(at, NextStepNotes.For(opportunity.Motion, stage, random)));
                nextStepAt = DemoCalendar.Max(nextStepAt, at);
            }

            var today = DemoCalendar.DateOf(dayStart);
            if (today > closeDate && random.Chance(lapsed ? 0.04 : 0.3))
            {
                closeDate = today.AddDays(random.Next(7, 46));
                if (random.Chance(0.5))
                {
                    closeDate = new DateOnly(closeDate.Year, closeDate.Month, DateTime.DaysInMonth(closeDate.Year, closeDate.Month));
                }

                opportunity.CloseDates.Add(new CloseDateChange(DemoCalendar.WorkingTimeOn(dayStart, random), closeDate));
            }
        }

        opportunity.Activities.Sort((a, b) => a.At.CompareTo(b.At));
        opportunity.NextSteps.Sort((a, b) => a.At.CompareTo(b.At));
    }

    private static void AddActivity(OpportunityLife opportunity, DateTime at, int type, PartnerProfile? partner, DemoRandom random)
    {
        var loggedBy = partner is not null && random.Chance(0.25) ? partner : null;
        opportunity.Activities.Add(new ActivityEvent(at, type, loggedBy));
    }

    private static bool IsQuarterEndPush(DateTime day) =>
        day.Month % 3 == 0 && day.Day > DateTime.DaysInMonth(day.Year, day.Month) - 14;

    private static string LossReason(int type, bool neglected, DemoRandom random)
    {
        if (neglected && random.Chance(0.5))
        {
            return "no_decision";
        }

        return LossReasons[random.Pick(type == OpportunityLife.Renewal ? RenewalLossReasonWeights : NewBusinessLossReasonWeights)];
    }
}
