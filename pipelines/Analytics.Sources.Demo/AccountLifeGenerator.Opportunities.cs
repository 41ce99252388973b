namespace Analytics.Sources.Demo;

/// <summary>Creating one opportunity: motion, partners and their attribution, size, registration or lead, hygiene gaps.</summary>
internal sealed partial class AccountLifeGenerator
{
    private static readonly string[] Products = ["Platform", "Analytics Cloud", "Data Pipelines", "Governance Add-on", "AI Assistant", "Premium Support"];

    /// <summary>Motion weight multipliers by segment (smb, mid_market, enterprise), in motion order.</summary>
    private static readonly double[][] SegmentMotionFactors =
    [
        [0.80, 1.10, 1.45, 0.50, 0.90, 1.00],
        [1.00, 1.00, 1.00, 1.00, 1.00, 1.00],
        [1.30, 0.80, 0.60, 1.80, 1.20, 1.00],
    ];

    /// <summary>Chance that the primary partner row is "sourced" (else "influenced"), by motion.</summary>
    private static readonly double[] SourcedShare = [0, 0.95, 0.92, 0.85, 0.55, 0.40];

    /// <summary>Chance that a new-business deal of each motion comes through a deal registration.</summary>
    private static readonly double[] RegistrationShare = [0, 0.10, 0.88, 0.35, 0.25, 0.10];

    /// <summary>Which partner types join a deal of each motion as a second partner (weights by partner type).</summary>
    private static readonly double[][] SecondPartnerTypes =
    [
        [0, 0, 0, 0, 0],
        [0, 0.2, 0, 0.5, 0.3],
        [0.1, 0, 0, 0.6, 0.3],
        [0, 0.6, 0, 0.3, 0.1],
        [0.1, 0.3, 0, 0, 0.6],
        [0.1, 0.3, 0, 0.6, 0],
    ];

    private static readonly double[] ProtectionDays = [60, 75, 90];

    private OpportunityLife CreateOpportunity(AccountLife life, CustomerState state, int type, DateTime at, int? forcedMotion, DemoRandom random)
    {
        // Deals are created on working days, but never after the end of the history.
        var day = DemoCalendar.ToWeekday(at.Date);
        var createdAt = DemoCalendar.WorkingTimeOn(day < _historyEnd ? day : at.Date, random);
        var incumbent = life.IncumbentAt(createdAt);
        if (incumbent is not null && !incumbent.IsActiveAt(createdAt))
        {
            incumbent = null;
        }

        var motion = forcedMotion ?? ChooseMotion(life, type, incumbent, random);
        PartnerProfile? partner = null;
        if (motion != MotionProfile.Direct)
        {
            partner = incumbent?.Motion == motion && type != OpportunityLife.NewBusiness
                ? incumbent
                : _roster.PickPartner(motion - 1, life.Region, createdAt, random);
            if (partner is null)
            {
                motion = MotionProfile.Direct;
            }
        }

        var sequence = life.Opportunities.Count + 1;
        DateOnly? plannedClose = type == OpportunityLife.Renewal ? state.RenewalDate : null;
        var opportunity = new OpportunityLife
        {
            Id = $"opp-{life.Index + 1:D6}-{sequence:D2}",
            Type = type,
            Motion = motion,
            CreatedAt = createdAt,
            Arr = Money(OpportunityArr(life, state, type, motion, random)),
            Name = type switch
            {
                OpportunityLife.Renewal => $"{life.Name} - Renewal {state.RenewalDate.Year}",
                OpportunityLife.Expansion => $"{life.Name} - Expansion: {random.Pick(Products)}",
                _ => $"{life.Name} - {random.Pick(Products)}",
            },
            Owner = random.Chance(0.9) ? life.Owner : _roster.PickRep(life.Region, random),
            PrimaryPartner = partner,
            MotionRecordedAt = createdAt,
        };
        life.Opportunities.Add(opportunity);
        life.CreatedAt = DemoCalendar.Min(life.CreatedAt, createdAt);

        var registered = false;
        if (partner is not null)
        {
            var registrationShare = type == OpportunityLife.NewBusiness ? RegistrationShare[motion] : type == OpportunityLife.Expansion ? RegistrationShare[motion] / 4 : 0;
            if (random.Chance(registrationShare))
            {
                registered = AddConvertedRegistration(life, opportunity, partner, random);
            }
            else if (type == OpportunityLife.NewBusiness && random.Chance(motion == MotionProfile.Referral ? 0.75 : motion is MotionProfile.Services or MotionProfile.Tech ? 0.15 : 0))
            {
                AddConvertedLead(life, opportunity, partner, random);
            }
        }

        OpportunitySimulator.Live(opportunity, random, plannedClose, registered, _captures?.GetValueOrDefault(opportunity.Id));
        if (partner is not null)
        {
            AddPartnerRows(life, opportunity, partner, random);
        }

        return opportunity;
    }

    private int ChooseMotion(AccountLife life, int type, PartnerProfile? incumbent, DemoRandom random)
    {
        if (type == OpportunityLife.Renewal)
        {
            return incumbent?.Motion ?? MotionProfile.Direct;
        }

        if (type == OpportunityLife.Expansion)
        {
            if (incumbent is not null)
            {
                return random.Chance(0.6) ? incumbent.Motion : MotionProfile.Direct;
            }

            if (random.Chance(0.85))
            {
                return MotionProfile.Direct;
            }
        }

        Span<double> weights = stackalloc double[MotionProfile.Count];
        for (var motion = 0; motion < weights.Length; motion++)
        {
            weights[motion] = MotionProfile.Of(motion).Share * SegmentMotionFactors[life.Segment][motion];
            if (incumbent?.Motion == motion)
            {
                weights[motion] *= 3;
            }
        }

        if (type == OpportunityLife.Expansion)
        {
            weights[MotionProfile.Direct] = 0;
        }

        return random.Pick(weights);
    }

    private static double OpportunityArr(AccountLife life, CustomerState state, int type, int motion, DemoRandom random) => type switch
    {
        OpportunityLife.Renewal => state.Arr * random.Uniform(1.0, 1.07),
        OpportunityLife.Expansion => Math.Max(1_000, state.Arr * random.Uniform(0.10, 0.45)),
        _ => SegmentMedianArr[life.Segment] * MotionProfile.Of(motion).SizeFactor * random.LogNormal(1.0, 0.55),
    };

    /// <summary>ARR rounded to tens, with two decimals.</summary>
    private static decimal Money(double amount) => (Math.Round((decimal)amount / 10m) * 10m) + 0.00m;

    private void AddPartnerRows(AccountLife life, OpportunityLife opportunity, PartnerProfile partner, DemoRandom random)
    {
        var created = opportunity.CreatedAt;
        var rowAddedAt = created;
        var attributionAt = created;
        var gap = random.NextDouble();
        var fixedAt = random.Chance(0.75) ? DemoCalendar.AfterHours(created, 24 * random.Exponential(21)) : DateTime.MaxValue;
        if (gap < 0.012)
        {
            opportunity.MotionRecordedAt = fixedAt;
        }
        else if (gap < 0.062)
        {
            attributionAt = fixedAt;
        }
        else if (gap < 0.082)
        {
            rowAddedAt = attributionAt = fixedAt;
        }

        var primaryAttribution = random.Chance(SourcedShare[opportunity.Motion]) ? "sourced" : "influenced";
        opportunity.PartnerRows.Add(new PartnerRowLife
        {
            Partner = partner,
            Attribution = primaryAttribution,
            Weight = 1.0,
            AddedAt = rowAddedAt,
            AttributionRecordedAt = attributionAt,
        });

        if (opportunity.Type == OpportunityLife.Renewal || !random.Chance(0.14))
        {
            return;
        }

        var extraPartners = random.Chance(0.2) ? 2 : 1;
        for (var i = 0; i < extraPartners; i++)
        {
            var addedAt = DemoCalendar.WorkingTimeOn(DemoCalendar.ToWeekday(created.AddDays(random.Exponential(12)).Date), random);
            addedAt = DemoCalendar.Max(addedAt, created);
            var type = random.Pick(SecondPartnerTypes[opportunity.Motion]);
            var other = _roster.PickPartner(type, life.Region, addedAt, random, exclude: partner);
            if (other is null || addedAt >= opportunity.OpenUntil || opportunity.PartnerRows.Exists(row => row.Partner == other))
            {
                continue;
            }

            var attribution = random.Chance(0.8) ? "influenced" : "sourced";
            var weight = attribution == primaryAttribution ? random.Pick<double>([1.0, 2.0 / 3.0, 3.0 / 7.0]) : 1.0;
            opportunity.PartnerRows.Add(new PartnerRowLife
            {
                Partner = other,
                Attribution = attribution,
                Weight = weight,
                AddedAt = addedAt,
                AttributionRecordedAt = addedAt,
            });
        }
    }
}
