namespace Analytics.Sources.Demo;

/// <summary>
/// Generates one account's whole life from the account's own random stream: who it is, when it first buys or
/// is first pursued, its new-business attempts, renewals and expansions (each opportunity lived in full by
/// <see cref="OpportunitySimulator"/>), its registrations and leads, conflicts and customer ratings. The result
/// depends only on (seed, account index), never on the snapshot date.
/// </summary>
internal sealed partial class AccountLifeGenerator
{
    private static readonly double[] SegmentWeights = [0.55, 0.33, 0.12];
    private static readonly double[] SegmentMedianArr = [9_000, 36_000, 120_000];
    private static readonly double[] SegmentOpportunityRate = [0.8, 1.1, 1.6];

    /// <summary>New-logo arrival density rises linearly to this multiple of its start over the history: the business grows.</summary>
    private const double Growth = 1.5;

    private const double ProspectAttemptsPerYear = 3.5;
    private const double CustomerNewBusinessPerYear = 0.30;
    private const double ChurnedAttemptsPerYear = 0.15;
    private const double ExpansionsPerYear = 0.60;

    private readonly int _seed;
    private readonly ProgramRoster _roster;
    private readonly DateTime _historyStart;
    private readonly DateTime _historyEnd;

    public AccountLifeGenerator(int seed, ProgramRoster roster, DateTime historyStart, DateTime historyEnd)
    {
        _seed = seed;
        _roster = roster;
        _historyStart = historyStart;
        _historyEnd = historyEnd;
    }

    /// <summary>While <see cref="Generate(int, IReadOnlyDictionary{string, DealCapture})"/> runs: the opportunities whose state to copy at given cut-offs.</summary>
    private IReadOnlyDictionary<string, DealCapture>? _captures;

    private double HistoryDays => (_historyEnd - _historyStart).TotalDays;

    /// <summary>
    /// Generates account <paramref name="index"/> as <see cref="Generate(int)"/> does, copying the state of the
    /// opportunities named in <paramref name="captures"/> at their cut-offs (the generated life is the same).
    /// </summary>
    public AccountLife Generate(int index, IReadOnlyDictionary<string, DealCapture> captures)
    {
        _captures = captures;
        try
        {
            return Generate(index);
        }
        finally
        {
            _captures = null;
        }
    }

    public AccountLife Generate(int index)
    {
        var random = DemoRandom.For(_seed, DemoStream.Accounts, index);
        var region = random.Pick(ProgramRoster.RegionWeights);
        var segment = random.Pick(SegmentWeights);
        var name = DemoNames.AccountName(index);
        var life = new AccountLife
        {
            Index = index,
            Id = $"acc-{index + 1:D6}",
            Name = name,
            Domain = DemoNames.DomainOf(name, TopLevelDomain(region, random)),
            Region = region,
            Segment = segment,
            Owner = _roster.PickRep(region, random),
        };

        var state = new CustomerState();
        if (random.Chance(segment == 2 ? 0.25 : 0.15))
        {
            BecomeExistingCustomer(life, state, random);
        }
        else
        {
            state.NextNewBusiness = _historyStart.AddDays(FirstArrivalDay(random));
        }

        RunTimeline(life, state, random);
        AddUnconvertedRegistrations(life, random);
        AddUnconvertedLeads(life, random);
        AddConflict(life, random);
        AddRegistrationExtensions(life, random);
        AddCsatResponses(life, random);
        return life;
    }

    private void BecomeExistingCustomer(AccountLife life, CustomerState state, DemoRandom random)
    {
        var createdDay = _historyStart.AddDays(-random.Uniform(200, 2_500)).Date;
        life.CreatedAt = DemoCalendar.WorkingTimeOn(DemoCalendar.ToWeekday(createdDay), random);
        state.IsCustomer = true;
        state.Arr = SegmentMedianArr[life.Segment] * random.LogNormal(1.3, 0.5);
        state.RenewalDate = DemoCalendar.DateOf(_historyStart.AddDays(random.Uniform(20, 385)));
        state.NextRenewal = DemoCalendar.Max(_historyStart, DemoCalendar.StartOf(state.RenewalDate).AddDays(-random.Uniform(75, 120)));
        state.NextNewBusiness = _historyStart.AddDays(random.Exponential(365.0 / (CustomerNewBusinessPerYear * SegmentOpportunityRate[life.Segment])));
        state.NextExpansion = _historyStart.AddDays(random.Exponential(365.0 / ExpansionsPerYear));
        if (random.Chance(0.35))
        {
            var type = random.Pick([0.0, 0.55, 0.20, 0.25, 0.0]);
            var incumbent = _roster.PickPartner(type, life.Region, _historyStart.AddDays(-1), random);
            if (incumbent is not null)
            {
                life.Incumbents.Add((life.CreatedAt, incumbent));
            }
        }
    }

    /// <summary>Processes the account's creations and closes in time order until the end of the history.</summary>
    private void RunTimeline(AccountLife life, CustomerState state, DemoRandom random)
    {
        var awaitingClose = new List<OpportunityLife>();
        while (true)
        {
            var closing = EarliestClose(awaitingClose);
            var next = DemoCalendar.Min(DemoCalendar.Min(state.NextNewBusiness, state.NextRenewal), state.NextExpansion);
            if (closing is not null && closing.ClosedAt <= next)
            {
                awaitingClose.Remove(closing);
                OnClosed(life, state, closing, random);
                continue;
            }

            if (next > _historyEnd)
            {
                return;
            }

            if (next == state.NextNewBusiness)
            {
                var rate = state.IsCustomer ? CustomerNewBusinessPerYear : state.Churned ? ChurnedAttemptsPerYear : ProspectAttemptsPerYear;
                state.NextNewBusiness = next.AddDays(random.Exponential(365.0 / (rate * SegmentOpportunityRate[life.Segment] * GrowthAt(next))));
                if (HasOpen(life, OpportunityLife.NewBusiness, next) && random.Chance(0.9))
                {
                    continue;
                }

                awaitingClose.Add(CreateOpportunity(life, state, OpportunityLife.NewBusiness, next, null, random));
            }
            else if (next == state.NextRenewal)
            {
                state.NextRenewal = DateTime.MaxValue;
                awaitingClose.Add(CreateOpportunity(life, state, OpportunityLife.Renewal, next, null, random));
            }
            else
            {
                state.NextExpansion = state.IsCustomer
                    ? next.AddDays(random.Exponential(365.0 / ExpansionsPerYear))
                    : DateTime.MaxValue;
                if (!HasOpen(life, OpportunityLife.Expansion, next))
                {
                    awaitingClose.Add(CreateOpportunity(life, state, OpportunityLife.Expansion, next, null, random));
                }
            }
        }
    }

    private void OnClosed(AccountLife life, CustomerState state, OpportunityLife opportunity, DemoRandom random)
    {
        var closedAt = opportunity.ClosedAt!.Value;
        if (opportunity.Type == OpportunityLife.Renewal)
        {
            if (opportunity.Won)
            {
                state.Arr = (double)opportunity.Arr;
                state.RenewalDate = state.RenewalDate.AddYears(1);
                state.NextRenewal = DemoCalendar.Max(closedAt, DemoCalendar.StartOf(state.RenewalDate).AddDays(-random.Uniform(75, 120)));
            }
            else
            {
                state.IsCustomer = false;
                state.Churned = true;
                state.NextExpansion = DateTime.MaxValue;
                state.NextNewBusiness = closedAt.AddDays(random.Exponential(365.0 / ChurnedAttemptsPerYear));
            }

            return;
        }

        if (!opportunity.Won)
        {
            return;
        }

        if (opportunity.Type == OpportunityLife.Expansion || state.IsCustomer)
        {
            state.Arr += (double)opportunity.Arr;
            return;
        }

        state.IsCustomer = true;
        state.Churned = false;
        state.Arr = (double)opportunity.Arr;
        state.RenewalDate = DemoCalendar.DateOf(closedAt).AddYears(1);
        state.NextRenewal = DemoCalendar.StartOf(state.RenewalDate).AddDays(-random.Uniform(75, 120));
        state.NextExpansion = closedAt.AddDays(random.Exponential(365.0 / ExpansionsPerYear));
        state.NextNewBusiness = closedAt.AddDays(random.Exponential(365.0 / (CustomerNewBusinessPerYear * SegmentOpportunityRate[life.Segment])));
        if (opportunity.PrimaryPartner is { Type: 1 or 2 or 3 } partner && life.IncumbentAt(closedAt) is null)
        {
            life.Incumbents.Add((closedAt, partner));
        }
    }

    private static OpportunityLife? EarliestClose(List<OpportunityLife> opportunities)
    {
        OpportunityLife? earliest = null;
        foreach (var opportunity in opportunities)
        {
            if (opportunity.ClosedAt is not null && (earliest is null || opportunity.ClosedAt < earliest.ClosedAt))
            {
                earliest = opportunity;
            }
        }

        return earliest;
    }

    private static bool HasOpen(AccountLife life, int type, DateTime at)
    {
        foreach (var opportunity in life.Opportunities)
        {
            if (opportunity.Type == type && opportunity.IsOpenAt(at))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The day (from the history start) of a new logo's first opportunity, with density rising by <see cref="Growth"/>.</summary>
    private double FirstArrivalDay(DemoRandom random)
    {
        var rise = Growth - 1.0;
        var u = random.NextDouble();
        var fraction = (-1.0 + Math.Sqrt(1.0 + (2.0 * rise * u * (1.0 + (rise / 2.0))))) / rise;
        return fraction * HistoryDays;
    }

    private double GrowthAt(DateTime at) => 1.0 + ((Growth - 1.0) * Math.Clamp((at - _historyStart).TotalDays / HistoryDays, 0, 1));

    private static string TopLevelDomain(int region, DemoRandom random)
    {
        if (random.Chance(0.7))
        {
            return "com";
        }

        string[] options = region switch
        {
            0 => ["io", "co", "net"],
            1 => ["de", "co.uk", "fr", "nl", "eu"],
            2 => ["com.au", "sg", "jp", "in"],
            _ => ["com.br", "mx", "cl"],
        };
        return options[random.Next(options.Length)];
    }

    /// <summary>What the vendor sells the account and when the next opportunities are due.</summary>
    private sealed class CustomerState
    {
        public bool IsCustomer { get; set; }

        public bool Churned { get; set; }

        public double Arr { get; set; }

        public DateOnly RenewalDate { get; set; }

        public DateTime NextNewBusiness { get; set; } = DateTime.MaxValue;

        public DateTime NextRenewal { get; set; } = DateTime.MaxValue;

        public DateTime NextExpansion { get; set; } = DateTime.MaxValue;
    }
}
