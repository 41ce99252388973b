-- staging.opportunity_partners: One row per partner attached to an opportunity, with its role and attribution.
-- Grain: one row per (opportunity_id, partner_id, role). Renames and casts only; snapshot_date says which lake snapshot each row comes from.
select
    cast(opportunity_id as varchar) as opportunity_id,
    cast(partner_id as varchar) as partner_id,
    cast(role as varchar) as role,
    cast(attribution as varchar) as attribution,
    cast(attribution_pct as decimal(18,2)) as attribution_pct,
    cast(added_at as timestamp) as added_at,
    snapshot_date
from lake.opportunity_partners
