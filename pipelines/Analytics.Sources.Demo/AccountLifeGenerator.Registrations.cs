namespace Analytics.Sources.Demo;

/// <summary>Deal and lead registrations: those that become opportunities, and those that are declined, expire or go nowhere.</summary>
internal sealed partial class AccountLifeGenerator
{
    private static readonly double[] UnconvertedRegistrationPartnerTypes = [0.15, 0.55, 0.15, 0.10, 0.05];
    private static readonly string[] DeclineReasons = ["duplicate", "active_cycle", "not_qualified", "conflict", "other"];
    private static readonly double[] DeclineReasonWeights = [0.22, 0.28, 0.30, 0.08, 0.12];
    private static readonly double[] LeadPartnerTypes = [0.70, 0, 0, 0.15, 0.15];

    /// <summary>Hours from submission to the vendor's decision: about 85 % within the 48 h SLA, with a long tail.</summary>
    private static double DecisionHours(DemoRandom random) => Math.Max(0.2, random.LogNormal(14, 1.15));

    /// <summary>Adds the registration <paramref name="opportunity"/> was created from; false when the partner had not joined by then.</summary>
    private bool AddConvertedRegistration(AccountLife life, OpportunityLife opportunity, PartnerProfile partner, DemoRandom random)
    {
        var decisionHours = DecisionHours(random);
        var submittedAt = DemoCalendar.Truncate(opportunity.CreatedAt.AddDays(-random.Uniform(0.1, 5)).AddHours(-decisionHours));
        if (submittedAt < partner.JoinedAt)
        {
            return false;
        }

        var registration = NewRegistration(life, partner, submittedAt, decisionHours, approved: true, declineReason: null, random);
        registration.Opportunity = opportunity;
        registration.AccountLinkedAt = life.CreatedAt <= submittedAt ? submittedAt : opportunity.CreatedAt;
        opportunity.DealRegistrationId = registration.Id;
        return true;
    }

    private void AddConvertedLead(AccountLife life, OpportunityLife opportunity, PartnerProfile partner, DemoRandom random)
    {
        var responseHours = random.LogNormal(6, 1.3);
        var decisionHours = responseHours + random.LogNormal(20, 1.0);
        var meetingDays = Math.Max(random.LogNormal(6, 0.6), (decisionHours / 24) + 0.1);
        var submittedAt = DemoCalendar.Truncate(opportunity.CreatedAt.AddDays(-(meetingDays + random.Uniform(0.05, 3))));
        if (submittedAt < partner.JoinedAt)
        {
            return;
        }

        AddLead(life, partner, submittedAt, responseHours, decisionHours, approved: true, meetingChance: 1, meetingDays, opportunity, random);
    }

    /// <summary>Registrations that never become an opportunity: approved ones that expire, and declined ones.</summary>
    private void AddUnconvertedRegistrations(AccountLife life, DemoRandom random)
    {
        var converted = life.Registrations.Count;
        var (windowStart, windowEnd) = ActiveWindow(life);
        var expiring = random.Poisson(0.08 + (0.18 * converted));
        for (var i = 0; i < expiring; i++)
        {
            var submittedAt = RandomInstant(windowStart, windowEnd, random);
            var partner = _roster.PickPartner(random.Pick(UnconvertedRegistrationPartnerTypes), life.Region, submittedAt, random);
            if (partner is not null)
            {
                var registration = NewRegistration(life, partner, submittedAt, DecisionHours(random), approved: true, declineReason: null, random);
                registration.AccountLinkedAt = life.CreatedAt <= submittedAt ? submittedAt : DateTime.MaxValue;
            }
        }

        var declined = random.Poisson(0.06 + (0.36 * life.Registrations.Count));
        for (var i = 0; i < declined; i++)
        {
            var reason = DeclineReasons[random.Pick(DeclineReasonWeights)];
            var type = random.Pick(UnconvertedRegistrationPartnerTypes);
            PartnerProfile? exclude = null;
            var submittedAt = RandomInstant(windowStart, windowEnd, random);
            if (reason == "duplicate" && PickProtection(life, random) is { } protection)
            {
                submittedAt = RandomInstant(protection.DecidedAt.AddDays(1), DemoCalendar.Min(protection.ProtectionEndsAt, windowEnd), random);
                type = protection.Partner.Type;
                exclude = protection.Partner;
            }
            else if (reason is "active_cycle" or "conflict" && PickOpenOpportunity(life, reason == "conflict", random) is { } open)
            {
                submittedAt = RandomInstant(open.CreatedAt.AddDays(1), DemoCalendar.Min(open.OpenUntil, windowEnd), random);
                exclude = open.PrimaryPartner;
            }
            else if (reason is not "other")
            {
                reason = "not_qualified";
            }

            var partner = _roster.PickPartner(type, life.Region, submittedAt, random, exclude);
            if (partner is not null && submittedAt < windowEnd)
            {
                var registration = NewRegistration(life, partner, submittedAt, DecisionHours(random), approved: false, reason, random);
                registration.AccountLinkedAt = life.CreatedAt <= submittedAt ? submittedAt : DateTime.MaxValue;
            }
        }
    }

    /// <summary>Leads that never become an opportunity: declined, or approved without a deal following.</summary>
    private void AddUnconvertedLeads(AccountLife life, DemoRandom random)
    {
        var (windowStart, windowEnd) = ActiveWindow(life);
        var count = random.Poisson(0.12 + (0.45 * life.Leads.Count));
        for (var i = 0; i < count; i++)
        {
            var submittedAt = RandomInstant(windowStart, windowEnd, random);
            var partner = _roster.PickPartner(random.Pick(LeadPartnerTypes), life.Region, submittedAt, random);
            if (partner is null)
            {
                continue;
            }

            var responseHours = random.LogNormal(6, 1.3);
            var decisionHours = responseHours + random.LogNormal(30, 1.0);
            var approved = random.Chance(0.55);
            var meetingDays = Math.Max(random.LogNormal(9, 0.7), (decisionHours / 24) + 0.1);
            AddLead(life, partner, submittedAt, responseHours, decisionHours, approved, approved ? 0.55 : 0, meetingDays, opportunity: null, random);
        }
    }

    /// <summary>Adds a lead; its first meeting takes place <paramref name="meetingDays"/> after submission with <paramref name="meetingChance"/>.</summary>
    private static void AddLead(
        AccountLife life,
        PartnerProfile partner,
        DateTime submittedAt,
        double responseHours,
        double decisionHours,
        bool approved,
        double meetingChance,
        double meetingDays,
        OpportunityLife? opportunity,
        DemoRandom random)
    {
        life.Leads.Add(new LeadLife
        {
            Id = $"ld-{life.Index + 1:D6}-{life.Leads.Count + 1:D2}",
            Partner = partner,
            CompanyName = CompanyNameAsEntered(life, random),
            CompanyDomain = CompanyDomainAsEntered(life, random),
            SubmittedAt = submittedAt,
            FirstResponseAt = DemoCalendar.AfterHours(submittedAt, responseHours),
            DecidedAt = DemoCalendar.AfterHours(submittedAt, decisionHours),
            Approved = approved,
            FirstMeetingAt = meetingChance >= 1 || (meetingChance > 0 && random.Chance(meetingChance))
                ? DemoCalendar.Truncate(submittedAt.AddDays(meetingDays))
                : DateTime.MaxValue,
            Opportunity = opportunity,
        });
    }

    /// <summary>Protection extensions: partners ask for 30 more days when the deal is still open a week before the end.</summary>
    private static void AddRegistrationExtensions(AccountLife life, DemoRandom random)
    {
        foreach (var registration in life.Registrations)
        {
            if (!registration.Approved)
            {
                continue;
            }

            var maxExtensions = registration.Opportunity is null ? (random.Chance(0.2) ? 1 : 0) : 2;
            while (registration.Extensions.Count < maxExtensions)
            {
                var end = registration.ProtectionEndsAt;
                if (registration.Opportunity is { } opportunity && !(opportunity.IsOpenAt(end.AddDays(-7)) && random.Chance(0.55)))
                {
                    break;
                }

                var grantedAt = DemoCalendar.WorkingTimeOn(DemoCalendar.ToWeekday(end.AddDays(-random.Uniform(3, 10)).Date), random);
                if (grantedAt <= registration.DecidedAt || grantedAt >= end)
                {
                    break;
                }

                registration.Extensions.Add(grantedAt);
            }
        }
    }

    private RegistrationLife NewRegistration(
        AccountLife life, PartnerProfile partner, DateTime submittedAt, double decisionHours, bool approved, string? declineReason, DemoRandom random)
    {
        var registration = new RegistrationLife
        {
            Id = $"dr-{life.Index + 1:D6}-{life.Registrations.Count + 1:D2}",
            Partner = partner,
            CompanyName = CompanyNameAsEntered(life, random),
            CompanyDomain = CompanyDomainAsEntered(life, random),
            SubmittedAt = submittedAt,
            DecidedAt = DemoCalendar.AfterHours(submittedAt, decisionHours),
            Approved = approved,
            DeclineReason = declineReason,
            ProtectionDays = approved ? (int)ProtectionDays[random.Pick([0.4, 0.2, 0.4])] : 0,
        };
        life.Registrations.Add(registration);
        return registration;
    }

    private static RegistrationLife? PickProtection(AccountLife life, DemoRandom random)
    {
        var approved = life.Registrations.FindAll(registration => registration.Approved);
        return approved.Count == 0 ? null : approved[random.Next(approved.Count)];
    }

    private static OpportunityLife? PickOpenOpportunity(AccountLife life, bool partnerOnly, DemoRandom random)
    {
        var candidates = life.Opportunities.FindAll(o => (!partnerOnly || o.IsPartnerMotion) && (o.OpenUntil - o.CreatedAt).TotalDays > 3);
        return candidates.Count == 0 ? null : candidates[random.Next(candidates.Count)];
    }

    /// <summary>The span in which partners register the account: from shortly before its first deal to the end of the history.</summary>
    private (DateTime Start, DateTime End) ActiveWindow(AccountLife life) =>
        (DemoCalendar.Max(_historyStart, life.CreatedAt.AddDays(-60)), _historyEnd);

    private static DateTime RandomInstant(DateTime from, DateTime to, DemoRandom random) =>
        to <= from ? from : DemoCalendar.Truncate(from.AddTicks((long)((to - from).Ticks * random.NextDouble())));

    private static string CompanyNameAsEntered(AccountLife life, DemoRandom random) => random.NextDouble() switch
    {
        < 0.06 => $"{life.Name} Inc.",
        < 0.10 => life.Name.ToLowerInvariant(),
        < 0.12 => $"{life.Name} Ltd",
        _ => life.Name,
    };

    private static string CompanyDomainAsEntered(AccountLife life, DemoRandom random) =>
        random.Chance(0.05) ? $"www.{life.Domain}" : life.Domain;
}
