-- The rules are in intermediate.ops_partner_hygiene.
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
