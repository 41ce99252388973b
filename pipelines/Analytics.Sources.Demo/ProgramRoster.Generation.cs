using Analytics.Pipelines.Crm;

namespace Analytics.Sources.Demo;

/// <summary>Generation of the roster: partner mix, tiers, membership, certifications, proofs, managers and sellers.</summary>
internal sealed partial class ProgramRoster
{
    private static readonly double[] PartnerTypeShares = [0.28, 0.30, 0.08, 0.20, 0.14];
    private static readonly double[] CertifiedPeopleByTier = [2.0, 3.6, 7.0];
    private static readonly double[] ProofsPerYearByTier = [0.6, 1.5, 3.0];
    private static readonly double[] DealWeightByTier = [1.0, 2.2, 4.5];

    public static ProgramRoster Create(int seed, double scale, DateTime historyStart, DateTime historyEnd)
    {
        var random = DemoRandom.For(seed, DemoStream.SalesTeam, 0);
        var repCount = Math.Max(Regions.Length, (int)Math.Round(50 * Math.Pow(scale, 0.7)));
        var repRegions = Quotas(RegionWeights, repCount, minimum: 1);
        var reps = new SalesRep[repCount];
        var next = 0;
        for (var region = 0; region < Regions.Length; region++)
        {
            for (var i = 0; i < repRegions[region]; i++, next++)
            {
                var diligence = Math.Clamp(random.LogNormal(1.0, 0.35), 0.4, 2.2);
                reps[next] = new SalesRep(DemoNames.PersonEmail(next, DemoNames.VendorDomain), Regions[region], diligence);
            }
        }

        // Partner managers are numbered after the sellers, so no two people share an address.
        var managers = new string[Math.Max(1, (int)Math.Round(12 * Math.Sqrt(scale)))];
        for (var i = 0; i < managers.Length; i++)
        {
            managers[i] = DemoNames.PersonEmail(repCount + i, DemoNames.VendorDomain);
        }

        var partners = CreatePartners(seed, scale, managers, historyStart, historyEnd);
        return new ProgramRoster(partners, reps);
    }

    private static PartnerProfile[] CreatePartners(int seed, double scale, string[] managers, DateTime historyStart, DateTime historyEnd)
    {
        var random = DemoRandom.For(seed, DemoStream.Partners, 0);
        var count = Math.Max(12, (int)Math.Round(120 * Math.Sqrt(scale)));
        var types = Expand(Quotas(PartnerTypeShares, count, minimum: 2));
        var elite = Math.Max(1, (int)Math.Round(count * 0.10));
        var select = Math.Max(1, (int)Math.Round(count * 0.25));
        var tiers = Expand([count - elite - select, select, elite]);
        var managerSlots = Expand(Quotas(Array.ConvertAll(managers, _ => random.Uniform(0.6, 1.6)), count, minimum: 1));
        random.Shuffle(types);
        random.Shuffle(tiers);
        random.Shuffle(managerSlots);

        var historyDays = (historyEnd - historyStart).TotalDays;
        var partners = new PartnerProfile[count];
        for (var i = 0; i < count; i++)
        {
            var tier = tiers[i];
            var joinedBefore = tier == 2 || random.Chance(0.7);
            var joinedDay = joinedBefore
                ? historyStart.AddDays(-random.Uniform(60, 2_200))
                : historyStart.AddDays(random.Uniform(0, Math.Max(1, historyDays - 90)));
            var joinedAt = DemoCalendar.WorkingTimeOn(DemoCalendar.ToWeekday(joinedDay.Date), random);
            DateTime? offboardedAt = null;
            if (tier < 2 && random.Chance(0.06))
            {
                var earliest = DemoCalendar.Max(joinedAt.AddDays(240), historyStart.AddDays(60));
                if (earliest < historyEnd)
                {
                    var day = earliest.AddDays(random.Uniform(0, (historyEnd - earliest).TotalDays)).Date;
                    offboardedAt = DemoCalendar.WorkingTimeOn(DemoCalendar.ToWeekday(day), random);
                }
            }

            var name = DemoNames.PartnerName(i, types[i]);
            var partner = new PartnerProfile
            {
                Index = i,
                Id = $"ptn-{i + 1:D4}",
                Name = name,
                Domain = DemoNames.DomainOf(name, "com"),
                Type = types[i],
                Tier = tier,
                Region = Regions[random.Pick(RegionWeights)],
                Vertical = Verticals[random.Next(Verticals.Length)],
                ManagerEmail = managers[managerSlots[i]],
                JoinedAt = joinedAt,
                OffboardedAt = offboardedAt,
                DealWeight = random.LogNormal(1.0, 0.6) * DealWeightByTier[tier],
                DetractorShare = random.Uniform(0, 0.12) * (tier == 0 ? 1.3 : tier == 1 ? 1.0 : 0.6),
            };
            var history = DemoRandom.For(seed, DemoStream.PartnerHistory, i);
            AddCertifications(partner, history, historyStart, historyEnd);
            AddProofs(partner, history, historyStart, historyEnd);
            partners[i] = partner;
        }

        NormaliseLossFactors(partners, historyStart.AddTicks((historyEnd - historyStart).Ticks / 2));
        return partners;
    }

    /// <summary>Sets each partner's <see cref="PartnerProfile.TypeMeanLossFactor"/> from its type's partners at mid-history.</summary>
    private static void NormaliseLossFactors(PartnerProfile[] partners, DateTime midHistory)
    {
        foreach (var group in partners.GroupBy(p => p.Type))
        {
            var weight = group.Sum(p => p.DealWeight);
            var mean = group.Sum(p => p.DealWeight * PlantedEffects.PartnerLossFactor(p.Tier, p.CertifiedPeopleAt(midHistory))) / weight;
            foreach (var partner in group)
            {
                partner.TypeMeanLossFactor = mean;
            }
        }
    }

    private static void AddCertifications(PartnerProfile partner, DemoRandom random, DateTime historyStart, DateTime historyEnd)
    {
        string[] firstCertifications = ["sales_foundations", "technical_associate", "solution_architect"];
        var people = Math.Min(40, random.Poisson(CertifiedPeopleByTier[partner.Tier]) + (partner.Tier > 0 ? 1 : 0));
        var end = partner.OffboardedAt ?? historyEnd;
        var counter = 0;
        for (var person = 0; person < people; person++)
        {
            var email = DemoNames.PersonEmail(person + (partner.Index * 41), partner.Domain);
            var start = DemoCalendar.Max(partner.JoinedAt, historyStart.AddDays(-900));
            var earned = start.AddDays(random.Exponential(150));
            var name = firstCertifications[random.Pick([0.40, 0.35, 0.25])];
            var second = random.Chance(0.25);
            while (earned < end)
            {
                var earnedAt = DemoCalendar.Max(partner.JoinedAt, DemoCalendar.WorkingTimeOn(DemoCalendar.ToWeekday(earned.Date), random));
                var expiresAt = earnedAt.AddDays(730);
                partner.Certifications.Add(new CertificationLife($"cert-{partner.Index + 1:D4}-{++counter:D3}", person, email, name, earnedAt, expiresAt));
                if (second && random.Chance(0.5))
                {
                    var specialistAt = DemoCalendar.WorkingTimeOn(DemoCalendar.ToWeekday(earnedAt.AddDays(random.Uniform(30, 300)).Date), random);
                    if (specialistAt < end)
                    {
                        partner.Certifications.Add(new CertificationLife(
                            $"cert-{partner.Index + 1:D4}-{++counter:D3}", person, email, "implementation_specialist", specialistAt, specialistAt.AddDays(365)));
                    }
                }

                if (!random.Chance(0.7))
                {
                    break;
                }

                // Most renew a few weeks before expiry; some let it lapse for a while first.
                earned = random.Chance(0.8) ? expiresAt.AddDays(-random.Uniform(0, 60)) : expiresAt.AddDays(random.Uniform(20, 200));
            }
        }

        partner.Certifications.Sort((a, b) => a.EarnedAt.CompareTo(b.EarnedAt) is var order and not 0 ? order : string.CompareOrdinal(a.Id, b.Id));
    }

    private static void AddProofs(PartnerProfile partner, DemoRandom random, DateTime historyStart, DateTime historyEnd)
    {
        var start = DemoCalendar.Max(partner.JoinedAt.AddDays(60), historyStart.AddDays(-365));
        var end = partner.OffboardedAt ?? historyEnd;
        var meanGapDays = 365.0 / ProofsPerYearByTier[partner.Tier];
        var at = start.AddDays(random.Exponential(meanGapDays));
        var counter = 0;
        while (at < end)
        {
            var proofType = partner.Type switch
            {
                3 => random.Chance(0.5) ? "sow" : random.Chance(0.7) ? "packaged_service" : "case_study",
                4 => random.Chance(0.8) ? "validated_integration" : "case_study",
                2 => random.Chance(0.7) ? "marketplace_review" : "case_study",
                _ => random.Chance(0.75) ? "case_study" : "marketplace_review",
            };
            var recordedAt = DemoCalendar.WorkingTimeOn(DemoCalendar.ToWeekday(at.Date), random);
            if (recordedAt < end)
            {
                partner.Proofs.Add(new ProofLife($"prf-{partner.Index + 1:D4}-{++counter:D3}", proofType, recordedAt));
            }

            at = at.AddDays(random.Exponential(meanGapDays));
        }
    }

    /// <summary>Splits <paramref name="total"/> by <paramref name="weights"/> (largest remainder), at least <paramref name="minimum"/> each while possible.</summary>
    private static int[] Quotas(double[] weights, int total, int minimum)
    {
        var counts = new int[weights.Length];
        var floor = Math.Min(minimum, total / weights.Length);
        var remaining = total - (floor * weights.Length);
        var sum = weights.Sum();
        var remainders = new double[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = remaining * weights[i] / sum;
            counts[i] = floor + (int)Math.Floor(exact);
            remainders[i] = exact - Math.Floor(exact);
        }

        for (var left = total - counts.Sum(); left > 0; left--)
        {
            var best = 0;
            for (var i = 1; i < remainders.Length; i++)
            {
                if (remainders[i] > remainders[best])
                {
                    best = i;
                }
            }

            counts[best]++;
            remainders[best] = -1;
        }

        return counts;
    }

    private static List<int> Expand(int[] counts)
    {
        var values = new List<int>();
        for (var value = 0; value < counts.Length; value++)
        {
            values.AddRange(Enumerable.Repeat(value, counts[value]));
        }

        return values;
    }
}
