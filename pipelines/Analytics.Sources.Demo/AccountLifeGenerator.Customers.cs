namespace Analytics.Sources.Demo;

/// <summary>Customer satisfaction ratings of the partners who delivered or hold the account.</summary>
internal sealed partial class AccountLifeGenerator
{
    /// <summary>Score 1-5 probabilities by tier (registered, select, elite): skewed positive, better at higher tiers.</summary>
    private static readonly double[][] ScoreWeightsByTier =
    [
        [0.04, 0.07, 0.15, 0.36, 0.38],
        [0.03, 0.05, 0.12, 0.36, 0.44],
        [0.02, 0.03, 0.09, 0.34, 0.52],
    ];

    private static readonly double[] DetractorScoreWeights = [0.25, 0.30, 0.25, 0.15, 0.05];

    private void AddCsatResponses(AccountLife life, DemoRandom random)
    {
        foreach (var opportunity in life.Opportunities)
        {
            if (opportunity.Won && opportunity.PrimaryPartner is { } partner && random.Chance(0.55))
            {
                var day = opportunity.ClosedAt!.Value.AddDays(random.Uniform(30, 110)).Date;
                AddCsat(life, partner, DemoCalendar.WorkingTimeOn(DemoCalendar.ToWeekday(day), random), random);
            }
        }

        // Yearly relationship surveys of customers a partner holds.
        foreach (var (since, incumbent) in life.Incumbents)
        {
            if (incumbent is null)
            {
                continue;
            }

            var first = DemoCalendar.Max(since.AddDays(random.Uniform(200, 365)), _historyStart.AddDays(random.Uniform(-365, 0)));
            for (var year = first; year < _historyEnd; year = year.AddDays(365))
            {
                if (random.Chance(0.45) && life.IncumbentAt(year) == incumbent && incumbent.IsActiveAt(year) && year > since)
                {
                    AddCsat(life, incumbent, DemoCalendar.WorkingTimeOn(DemoCalendar.ToWeekday(year.Date), random), random);
                }
            }
        }

        life.CsatResponses.Sort((a, b) => a.RespondedAt.CompareTo(b.RespondedAt) is var order and not 0 ? order : string.CompareOrdinal(a.Id, b.Id));
    }

    private static void AddCsat(AccountLife life, PartnerProfile partner, DateTime respondedAt, DemoRandom random)
    {
        var weights = random.Chance(partner.DetractorShare) ? DetractorScoreWeights : ScoreWeightsByTier[partner.Tier];
        life.CsatResponses.Add(new CsatLife($"csat-{life.Index + 1:D6}-{life.CsatResponses.Count + 1:D2}", partner, random.Pick(weights) + 1, respondedAt));
    }
}
