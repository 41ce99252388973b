namespace Analytics.Sources.Demo;

/// <summary>
/// Channel conflicts planted on a few percent of accounts: a direct deal opened beside a partner deal (vertical),
/// two partners approved on one account (horizontal), a marketplace and a reseller deal at once (multi_channel).
/// </summary>
internal sealed partial class AccountLifeGenerator
{
    private const double ConflictShare = 0.05;

    private void AddConflict(AccountLife life, DemoRandom random)
    {
        if (life.Opportunities.Count == 0 || !random.Chance(ConflictShare))
        {
            return;
        }

        var latest = _historyEnd.AddDays(-10);
        var partnerDeals = life.Opportunities.FindAll(o => o.IsPartnerMotion && o.CreatedAt < latest && (o.OpenUntil - o.CreatedAt).TotalDays > 10);
        var channelDeals = partnerDeals.FindAll(o => o.Motion is MotionProfile.Reseller or MotionProfile.Marketplace && o.Type == OpportunityLife.NewBusiness);
        var protections = life.Registrations.FindAll(r => r.Approved && r.DecidedAt < latest.AddDays(-5) && r.ProtectionDays >= 60);
        var kind = random.Pick([partnerDeals.Count > 0 ? 0.5 : 0, protections.Count > 0 ? 0.3 : 0, channelDeals.Count > 0 ? 0.2 : 0]);
        switch (kind)
        {
            case 0 when partnerDeals.Count > 0:
                AddVerticalConflict(life, partnerDeals[random.Next(partnerDeals.Count)], random);
                break;
            case 1 when protections.Count > 0:
                AddHorizontalConflict(life, protections[random.Next(protections.Count)], random);
                break;
            case 2 when channelDeals.Count > 0:
                AddMultiChannelConflict(life, channelDeals[random.Next(channelDeals.Count)], random);
                break;
        }
    }

    /// <summary>A seller opens a direct deal while a partner deal is in flight on the same account.</summary>
    private void AddVerticalConflict(AccountLife life, OpportunityLife partnerDeal, DemoRandom random)
    {
        var direct = OverlappingDeal(life, partnerDeal, MotionProfile.Direct, random);
        if (direct is null)
        {
            return;
        }

        var cause = partnerDeal.Type == OpportunityLife.Renewal ? "renewal_ownership" : random.Pick<string>(["territory_overlap", "territory_overlap", "unclear_rules", "pricing"]);
        var outcome = random.NextDouble();
        var (resolution, loser) = outcome switch
        {
            < 0.60 => ("partner_retains", direct),
            < 0.85 when !partnerDeal.Won => ("direct_retains", partnerDeal),
            < 0.85 => ("partner_retains", direct),
            _ => ("co_sell", (OpportunityLife?)null),
        };
        RaiseConflict(life, "vertical", cause, direct.CreatedAt, resolution, loser, [partnerDeal, direct], random);
    }

    /// <summary>A second partner's registration is approved by mistake while the first one's protection still runs.</summary>
    private void AddHorizontalConflict(AccountLife life, RegistrationLife first, DemoRandom random)
    {
        var latestSubmission = DemoCalendar.Min(first.ProtectionEndsAt.AddDays(-10), _historyEnd.AddDays(-5));
        var submittedAt = RandomInstant(first.DecidedAt.AddDays(3), latestSubmission, random);
        var rival = _roster.PickPartner(first.Partner.Type, life.Region, submittedAt, random, exclude: first.Partner);
        if (rival is null || submittedAt >= latestSubmission)
        {
            return;
        }

        var second = NewRegistration(life, rival, submittedAt, DecisionHours(random), approved: true, declineReason: null, random);
        second.AccountLinkedAt = life.CreatedAt <= submittedAt ? submittedAt : DateTime.MaxValue;
        var resolution = random.Chance(0.8) ? "first_registration_honoured" : "split_credit";
        OpportunityLife[] involved = first.Opportunity is { } deal ? [deal] : [];
        RaiseConflict(life, "horizontal", "duplicate_registration", second.DecidedAt, resolution, loser: null, involved, random);
    }

    /// <summary>A marketplace private offer and a reseller quote compete for the same purchase.</summary>
    private void AddMultiChannelConflict(AccountLife life, OpportunityLife channelDeal, DemoRandom random)
    {
        var otherMotion = channelDeal.Motion == MotionProfile.Reseller ? MotionProfile.Marketplace : MotionProfile.Reseller;
        var other = OverlappingDeal(life, channelDeal, otherMotion, random);
        if (other is null)
        {
            return;
        }

        var marketplaceDeal = channelDeal.Motion == MotionProfile.Marketplace ? channelDeal : other;
        var resellerDeal = channelDeal.Motion == MotionProfile.Reseller ? channelDeal : other;
        var (resolution, loser) = random.Chance(0.5) && !resellerDeal.Won
            ? ("transact_via_marketplace", resellerDeal)
            : !marketplaceDeal.Won ? ("reseller_retains", marketplaceDeal) : ("co_sell", (OpportunityLife?)null);
        var cause = random.Chance(0.6) ? "pricing" : "unclear_rules";
        RaiseConflict(life, "multi_channel", cause, other.CreatedAt, resolution, loser, [channelDeal, other], random);
    }

    /// <summary>Creates a deal of <paramref name="motion"/> that starts while <paramref name="existing"/> is open.</summary>
    private OpportunityLife? OverlappingDeal(AccountLife life, OpportunityLife existing, int motion, DemoRandom random)
    {
        var openDays = (DemoCalendar.Min(existing.OpenUntil, _historyEnd) - existing.CreatedAt).TotalDays;
        if (openDays < 4)
        {
            return null;
        }

        var at = existing.CreatedAt.AddDays(random.Uniform(1, Math.Min(60, 0.7 * openDays)));
        var state = new CustomerState { RenewalDate = existing.CloseDates[0].Date, Arr = (double)existing.Arr };
        var overlapping = CreateOpportunity(life, state, existing.Type, at, motion, random);
        return overlapping.CreatedAt < existing.OpenUntil ? overlapping : null;
    }

    /// <summary>
    /// Records a conflict raised some hours after the overlap began (or never, for a quarter of vertical and
    /// multi-channel overlaps), marks the deals at risk then active, and takes the deal away from the losing side
    /// at resolution.
    /// </summary>
    private static void RaiseConflict(
        AccountLife life, string type, string cause, DateTime overlapStart, string resolution, OpportunityLife? loser, OpportunityLife[] involved, DemoRandom random)
    {
        foreach (var deal in involved)
        {
            deal.ConflictStatuses.Add(new ConflictStatusChange(overlapStart, "risk"));
        }

        if (type != "horizontal" && random.Chance(0.25))
        {
            var overlapEnd = DateTime.MaxValue;
            foreach (var deal in involved)
            {
                overlapEnd = DemoCalendar.Min(overlapEnd, deal.OpenUntil);
            }

            foreach (var deal in involved)
            {
                deal.ConflictStatuses.Add(new ConflictStatusChange(DemoCalendar.Max(overlapEnd, overlapStart.AddSeconds(1)), "none"));
            }

            return;
        }

        var openedAt = DemoCalendar.AfterHours(overlapStart, random.LogNormal(30, 0.8));
        var resolvedAt = random.Chance(0.94) ? DemoCalendar.AfterHours(openedAt, 24 * random.LogNormal(2.5, 1.0)) : DateTime.MaxValue;
        life.Conflicts.Add(new ConflictLife
        {
            Id = $"cfl-{life.Index + 1:D6}-{life.Conflicts.Count + 1:D2}",
            ConflictType = type,
            Cause = cause,
            OpenedAt = openedAt,
            AcknowledgedAt = DemoCalendar.AfterHours(openedAt, random.LogNormal(5, 1.4)),
            ResolvedAt = resolvedAt,
            Resolution = resolution,
        });
        foreach (var deal in involved)
        {
            deal.ConflictStatuses.Add(new ConflictStatusChange(openedAt, "active"));
            if (resolvedAt != DateTime.MaxValue)
            {
                deal.ConflictStatuses.Add(new ConflictStatusChange(resolvedAt, "none"));
            }
        }

        if (loser is not null && resolvedAt != DateTime.MaxValue)
        {
            loser.CloseLostEarly(resolvedAt, "channel_conflict");
        }
    }
}
