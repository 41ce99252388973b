using Analytics.Pipelines.Crm;

namespace Analytics.Sources.Demo;

/// <summary>
/// The people and partners of the demo program: partners (with their certifications and proofs), partner managers
/// and sellers. Generated once per <see cref="DemoCrm"/> from its own random streams and held in memory.
/// </summary>
internal sealed partial class ProgramRoster
{
    public static readonly string[] Regions = ["north_america", "emea", "apac", "latam"];

    public static readonly double[] RegionWeights = [0.45, 0.30, 0.17, 0.08];

    public static readonly string[] Verticals =
        ["financial_services", "healthcare", "manufacturing", "retail", "technology", "public_sector", "media", "energy"];

    private readonly PartnerProfile[][] _partnersByType;
    private readonly double[][] _cumulativeWeightsByType;
    private readonly SalesRep[][] _repsByRegion;

    private ProgramRoster(PartnerProfile[] partners, SalesRep[] reps)
    {
        Partners = partners;
        _partnersByType = new PartnerProfile[CrmVocabulary.PartnerTypes.Count][];
        _cumulativeWeightsByType = new double[_partnersByType.Length][];
        for (var type = 0; type < _partnersByType.Length; type++)
        {
            _partnersByType[type] = Array.FindAll(partners, p => p.Type == type);
            var cumulative = new double[_partnersByType[type].Length];
            var total = 0.0;
            for (var i = 0; i < cumulative.Length; i++)
            {
                total += _partnersByType[type][i].DealWeight;
                cumulative[i] = total;
            }

            _cumulativeWeightsByType[type] = cumulative;
        }

        _repsByRegion = new SalesRep[Regions.Length][];
        for (var region = 0; region < Regions.Length; region++)
        {
            _repsByRegion[region] = Array.FindAll(reps, r => r.Region == Regions[region]);
        }
    }

    public IReadOnlyList<PartnerProfile> Partners { get; }

    /// <summary>A seller of <paramref name="region"/> (an index into <see cref="Regions"/>).</summary>
    public SalesRep PickRep(int region, DemoRandom random)
    {
        var reps = _repsByRegion[region];
        return reps[random.Next(reps.Length)];
    }

    /// <summary>
    /// A partner of <paramref name="type"/> in the program at <paramref name="at"/>, drawn by deal-flow weight,
    /// usually from the account's region; partners who joined in the last four months are still ramping up.
    /// Null when no partner of that type is active then.
    /// </summary>
    public PartnerProfile? PickPartner(int type, int region, DateTime at, DemoRandom random, PartnerProfile? exclude = null)
    {
        var candidates = _partnersByType[type];
        var cumulative = _cumulativeWeightsByType[type];
        if (candidates.Length == 0)
        {
            return null;
        }

        var sameRegion = random.Chance(0.7);
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var target = random.NextDouble() * cumulative[^1];
            var index = Array.BinarySearch(cumulative, target);
            var candidate = candidates[index < 0 ? ~index : index];
            if (candidate == exclude || !candidate.IsActiveAt(at) || (sameRegion && attempt < 12 && candidate.Region != Regions[region]))
            {
                continue;
            }

            var rampUp = (at - candidate.JoinedAt).TotalDays / 120.0;
            if (rampUp >= 1.0 || random.Chance(rampUp))
            {
                return candidate;
            }
        }

        foreach (var candidate in candidates)
        {
            if (candidate != exclude && candidate.IsActiveAt(at))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Writes the partners, certifications and proofs that exist before <paramref name="cutoff"/>.</summary>
    public void WriteSnapshot(DateTime cutoff, ICrmRecordSink sink)
    {
        foreach (var partner in Partners)
        {
            if (partner.JoinedAt >= cutoff)
            {
                continue;
            }

            var offboarded = partner.OffboardedAt < cutoff;
            sink.Write(new Partner(
                partner.Id,
                partner.Name,
                partner.TypeName,
                CrmVocabulary.Tiers[partner.Tier],
                partner.Region,
                partner.Vertical,
                partner.ManagerEmail,
                partner.JoinedAt,
                offboarded ? "offboarded" : "active",
                offboarded ? partner.OffboardedAt : null));
        }

        foreach (var partner in Partners)
        {
            foreach (var certification in partner.Certifications)
            {
                if (certification.EarnedAt < cutoff)
                {
                    sink.Write(new Certification(
                        certification.Id, partner.Id, certification.PersonEmail, certification.Name, certification.EarnedAt, certification.ExpiresAt));
                }
            }
        }

        foreach (var partner in Partners)
        {
            foreach (var proof in partner.Proofs)
            {
                if (proof.RecordedAt < cutoff)
                {
                    sink.Write(new PartnerProof(proof.Id, partner.Id, proof.ProofType, proof.RecordedAt));
                }
            }
        }
    }
}
