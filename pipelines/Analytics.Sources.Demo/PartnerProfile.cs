using Analytics.Pipelines.Crm;

namespace Analytics.Sources.Demo;

/// <summary>
/// One partner of the demo program with its whole history: membership, tier, certified people and proofs.
/// Small enough to hold for the whole run.
/// </summary>
internal sealed class PartnerProfile
{
    public required int Index { get; init; }

    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Domain { get; init; }

    /// <summary>0-4 in <see cref="CrmVocabulary.PartnerTypes"/> order; partner motion = type + 1.</summary>
    public required int Type { get; init; }

    /// <summary>0 registered, 1 select, 2 elite.</summary>
    public required int Tier { get; init; }

    public required string Region { get; init; }

    public required string Vertical { get; init; }

    public required string ManagerEmail { get; init; }

    public required DateTime JoinedAt { get; init; }

    public DateTime? OffboardedAt { get; init; }

    /// <summary>Relative share of deal flow among partners of its type.</summary>
    public required double DealWeight { get; init; }

    /// <summary>Chance that a customer's rating of this partner comes from its unhappy customers.</summary>
    public required double DetractorShare { get; init; }

    /// <summary>
    /// Divides this partner's <see cref="PlantedEffects.PartnerLossFactor"/>: the deal-weighted mean factor of the
    /// partners of its type, so that tier and certifications move a deal's odds within its motion while the motion's
    /// overall win rate stays where <see cref="MotionProfile"/> calibrates it, whatever the roster's mix.
    /// </summary>
    public double TypeMeanLossFactor { get; set; } = 1.0;

    public List<CertificationLife> Certifications { get; } = [];

    public List<ProofLife> Proofs { get; } = [];

    public string TypeName => CrmVocabulary.PartnerTypes[Type];

    public int Motion => Type + 1;

    /// <summary>True when the partner is in the program at <paramref name="at"/>.</summary>
    public bool IsActiveAt(DateTime at) => JoinedAt <= at && (OffboardedAt is null || at < OffboardedAt);

    /// <summary>The planted factor on this partner's deals' chance of losing at <paramref name="at"/>, relative to its type.</summary>
    public double LossFactorAt(DateTime at) => PlantedEffects.PartnerLossFactor(Tier, CertifiedPeopleAt(at)) / TypeMeanLossFactor;

    /// <summary>The number of distinct people holding an unexpired certification at <paramref name="at"/>.</summary>
    public int CertifiedPeopleAt(DateTime at)
    {
        var people = 0UL;
        foreach (var certification in Certifications)
        {
            if (certification.EarnedAt <= at && at < certification.ExpiresAt)
            {
                people |= 1UL << (certification.Person & 63);
            }
        }

        return System.Numerics.BitOperations.PopCount(people);
    }
}
