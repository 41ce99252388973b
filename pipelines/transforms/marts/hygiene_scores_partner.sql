-- marts.hygiene_scores_partner: hygiene score per partner (DOMAIN.md "Hygiene"): the share of the partner's open
-- partner opportunities with no finding charged to it (rules in intermediate.ops_partner_hygiene). Every partner
-- of the roster appears; one with no open partner opportunity has a null score, not 1.
-- Grain: one row per partner_id.
select
    partner_id,
    partner_name,
    partner_type,
    tier,
    status,
    partner_manager_email,
    open_partner_opportunities,
    with_findings,
    hygiene_score,
    missing_motion_count,
    missing_partner_count,
    missing_attribution_count,
    reseller_without_registration_count,
    stale_next_step_count,
    no_recent_activity_count
from intermediate.ops_partner_hygiene
order by partner_id
