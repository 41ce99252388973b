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
    /// <param name="capture">Cut-offs at which to copy the deal's whole state (the oracle's starting points); null for none.</param>
    public static void Live(OpportunityLife opportunity, DemoRandom random, DateOnly? plannedClose, bool registered, DealCapture? capture = null)
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
        var state = new DealState
        {
            Profile = profile,
            Speed = speed,
            TypeLoss = typeLoss,
            Registered = registered,
            Warm = warm,
            DisqualifiedOn = random.Chance(disqualifiedShare) ? random.Next(2, 15) : -1,
            LapseChance = LapseChancePerDay / opportunity.Owner.Diligence,
            NextStepChance = NextStepChanceBase + (NextStepChancePerDiligence * opportunity.Owner.Diligence),
            Stage = stage,
            LastActivity = lastActivity,
            NextStepAt = nextStepAt,
            CloseDate = closeDate,
            PartnerLoss = partnerLoss,
        };
        for (var day = 1; ; day++)
        {
            capture?.Offer(opportunity.CreatedAt.Date.AddDays(day), day, state);
            if (LiveDay(opportunity, state, random, day))
            {
                break;
            }
        }

        opportunity.Activities.Sort((a, b) => a.At.CompareTo(b.At));
        opportunity.NextSteps.Sort((a, b) => a.At.CompareTo(b.At));
    }

    /// <summary>
    /// Lives day <paramref name="day"/> of <paramref name="opportunity"/> from <paramref name="state"/> (updated in place),
    /// appending the day's events. Returns true when the deal closed that day.
    /// </summary>
    public static bool LiveDay(OpportunityLife opportunity, DealState state, DemoRandom random, int day)
    {
        var profile = state.Profile;
        var partner = opportunity.PrimaryPartner;
        var dayStart = opportunity.CreatedAt.Date.AddDays(day);
        var weekend = DemoCalendar.IsWeekend(dayStart);
        var dayFactor = weekend ? WeekendShare * WeekdayFactor : WeekdayFactor;
        var quietDays = (dayStart - state.LastActivity).TotalDays;
        var quiet = quietDays > ActivityGapDays;
        var stale = (dayStart - state.NextStepAt).TotalDays > StaleNextStepDays;

        if (day == state.DisqualifiedOn)
        {
            opportunity.Close(DemoCalendar.WorkingTimeOn(dayStart, random), won: false, "not_qualified");
            return true;
        }

        if (day > MaxOpenDays)
        {
            opportunity.Close(DemoCalendar.WorkingTimeOn(dayStart, random), won: false, "no_decision");
            return true;
        }

        // Each day the stage may end in a loss or an advance; the deal's state at the start of the day scales each chance.
        if (partner is not null && day % 14 == 0)
        {
            state.PartnerLoss = partner.LossFactorAt(dayStart);
        }

        var stage = state.Stage;
        var endChance = dayFactor / (profile.StageDays[stage - 1] * state.Speed);
        var lossShare = Math.Min(0.95, profile.StageLoss[stage - 1] * state.TypeLoss * state.PartnerLoss * (state.Registered ? 0.93 : 1.0));
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
            return true;
        }

        if (draw < lossChance + advanceChance)
        {
            var at = DemoCalendar.WorkingTimeOn(dayStart, random);
            AddActivity(opportunity, at, 0, partner, random);
            state.LastActivity = DemoCalendar.Max(state.LastActivity, at);
            state.Lapsed = false;
            if (stage == 5)
            {
                opportunity.Close(at, won: true, lostReason: null);
                return true;
            }

            state.Stage = ++stage;
            opportunity.Stages.Add(new StageEntry(at, stage));
            if (random.Chance(0.85))
            {
                opportunity.NextSteps.Add(new NextStepUpdate(at, NextStepNotes.For(opportunity.Motion, stage, random)));
                state.NextStepAt = DemoCalendar.Max(state.NextStepAt, at);
            }

            return false;
        }

        if (quietDays > AbandonAfterQuietDays && random.Chance(AbandonChancePerQuietDay * state.PartnerLoss))
        {
            opportunity.Close(DemoCalendar.WorkingTimeOn(dayStart, random), won: false, "no_decision");
            return true;
        }

        state.Lapsed = state.Lapsed
            ? !random.Chance(RecoveryChancePerDay)
            : random.Chance(state.Warm && day < 30 ? state.LapseChance * 0.5 : state.LapseChance);
        var weekdayOnly = weekend ? 0.1 : 1.0;
        if (random.Chance((state.Lapsed ? ActivityChanceWhenLapsed : ActivityChanceWhenEngaged) * weekdayOnly))
        {
            var at = DemoCalendar.WorkingTimeOn(dayStart, random);
            AddActivity(opportunity, at, random.Pick(ActivityTypeWeights), partner, random);
            state.LastActivity = DemoCalendar.Max(state.LastActivity, at);
        }

        if (random.Chance((state.Lapsed ? NextStepChanceWhenLapsed : state.NextStepChance) * weekdayOnly))
        {
            var at = DemoCalendar.WorkingTimeOn(dayStart, random);
            opportunity.NextSteps.Add(new NextStepUpdate(at, NextStepNotes.For(opportunity.Motion, stage, random)));
            state.NextStepAt = DemoCalendar.Max(state.NextStepAt, at);
        }

        var today = DemoCalendar.DateOf(dayStart);
        if (today > state.CloseDate && random.Chance(state.Lapsed ? 0.04 : 0.3))
        {
            var closeDate = today.AddDays(random.Next(7, 46));
            if (random.Chance(0.5))
            {
                closeDate = new DateOnly(closeDate.Year, closeDate.Month, DateTime.DaysInMonth(closeDate.Year, closeDate.Month));
            }

            state.CloseDate = closeDate;
            opportunity.CloseDates.Add(new CloseDateChange(DemoCalendar.WorkingTimeOn(dayStart, random), closeDate));
        }

        return false;
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
