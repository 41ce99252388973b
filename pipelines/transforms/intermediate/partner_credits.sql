-- Credited ARR stays null when attribution_pct is missing (a hygiene finding): it is never guessed.
with partner_rows as (
    select opportunity_id, partner_id, role, attribution, attribution_pct, credited_arr, added_at
    from intermediate.credited_arr_by_snapshot
    where snapshot_date = cast(getvariable('snapshot_date') as date)
),

opportunities as (
    select * from intermediate.opportunities
),

partners as (
    select partner_id, partner_type, tier, partner_manager_email from staging.partners
)

select
    r.opportunity_id,
    r.partner_id,
    p.partner_type,
    p.partner_manager_email,
    r.role,
    r.attribution,
    r.attribution_pct,
    o.arr,
    r.credited_arr,
    o.reporting_motion,
    o.opportunity_type,
    o.segment,
    o.outcome,
    o.is_closed,
    o.is_won,
    o.created_at,
    o.closed_at,
    o.close_date,
    o.created_quarter,
    o.closed_quarter,
    o.close_date_quarter,
    r.added_at
from partner_rows as r
inner join opportunities as o on o.opportunity_id = r.opportunity_id
left join partners as p on p.partner_id = r.partner_id
