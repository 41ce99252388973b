select
    cast(opportunity_id as varchar) as opportunity_id,
    cast(partner_id as varchar) as partner_id,
    cast(role as varchar) as role,
    cast(attribution as varchar) as attribution,
    cast(attribution_pct as decimal(18,2)) as attribution_pct,
    cast(added_at as timestamp) as added_at,
    snapshot_date
from lake.opportunity_partners
