with partner_rows as (
    select snapshot_date, opportunity_id, partner_id, role, attribution, attribution_pct, added_at
    from staging.opportunity_partners_as_of
),

opportunities as (
    select snapshot_date, opportunity_id, arr, is_closed
    from staging.opportunities_as_of
)

select
    r.snapshot_date,
    r.opportunity_id,
    r.partner_id,
    r.role,
    r.attribution,
    r.attribution_pct,
    o.arr,
    cast(o.arr * r.attribution_pct / 100 as decimal(18, 2)) as credited_arr,
    o.is_closed,
    r.added_at
from partner_rows as r
inner join opportunities as o on o.snapshot_date = r.snapshot_date and o.opportunity_id = r.opportunity_id
