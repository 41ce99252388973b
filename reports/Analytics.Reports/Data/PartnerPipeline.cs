namespace Analytics.Reports.Data;

/// <summary>A partner's open deals and sourced pipeline at the snapshot (marts.partner_pipeline).</summary>
/// <param name="PartnerId">partner_id.</param>
/// <param name="OpenDeals">Open deals the partner is on.</param>
/// <param name="OpenArr">Full ARR of the partner rows of those deals.</param>
/// <param name="OpenCreditedArr">The partner's credited ARR on them.</param>
/// <param name="SourcedPipelineArr">Credited ARR of the partner's sourced rows of open deals.</param>
/// <param name="SourcedPipelineArrWeekAgo">The same a week before; null when the lake has no snapshot that old.</param>
public sealed record PartnerPipeline(string PartnerId, int OpenDeals, double OpenArr, double OpenCreditedArr, double SourcedPipelineArr, double? SourcedPipelineArrWeekAgo)
{
    /// <summary>A partner with no open deals.</summary>
    public static PartnerPipeline None(string partnerId) => new(partnerId, 0, 0, 0, 0, null);
}
