-- marts.hygiene_findings: exit-criteria findings on open partner opportunities (DOMAIN.md "Hygiene"); the rules
-- are in intermediate.ops_hygiene_findings: missing_motion, missing_partner, missing_attribution,
-- reseller_without_registration (new business only), stale_next_step (> 7 days before the snapshot cut-off),
-- no_recent_activity (> 14 days). Deal-level findings repeat for each partner on the deal.
-- Grain: one row per (opportunity_id, partner_id, finding).
select
    opportunity_id,
    partner_id,
    finding,
    detail,
    age_days,
    partner_manager_email,
    opportunity_name,
    account_id,
    owner_email,
    reporting_motion,
    opportunity_type,
    stage,
    arr
from intermediate.ops_hygiene_findings
order by opportunity_id, partner_id nulls first, finding
