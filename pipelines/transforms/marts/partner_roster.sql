-- marts.partner_roster: the partner roster as the reports name partners: every partner of the snapshot with its type,
-- tier, manager, region and whether it is active (only active partners get QBR packs and weekly scorecards).
-- Grain: one row per partner_id.
with partners as (
    select partner_id, name, partner_type, tier, partner_manager_email, region, status
    from staging.partners
)

select
    partner_id,
    name,
    partner_type,
    tier,
    partner_manager_email,
    region,
    status,
    status = 'active' as is_active
from partners
order by name, partner_id
