-- marts.partner_lost_reasons: why a partner's deals were lost in a quarter: the partner rows of deals lost in the
-- quarter (by closed_at) per lost reason ('not recorded' when blank), ranked by count; ties keep the order of the
-- reason's largest deal (ARR descending, then opportunity_id), as the pack lists its lost deals.
-- Grain: one row per (partner_id, fiscal_quarter, lost_reason).
with lost as (
    select partner_id, closed_quarter as fiscal_quarter, opportunity_id, arr, coalesce(lost_reason, 'not recorded') as lost_reason
    from marts.partner_deals
    where is_closed and not is_won
),

ordered as (
    select
        *,
        row_number() over (partition by partner_id, fiscal_quarter order by arr desc, opportunity_id) as position
    from lost
),

by_reason as (
    select
        partner_id,
        fiscal_quarter,
        lost_reason,
        count(*) as lost_deals,
        min(position) as first_position
    from ordered
    group by partner_id, fiscal_quarter, lost_reason
)

select
    partner_id,
    fiscal_quarter,
    lost_reason,
    cast(lost_deals as integer) as lost_deals,
    cast(row_number() over (partition by partner_id, fiscal_quarter order by lost_deals desc, first_position) as integer) as rank
from by_reason
order by partner_id, fiscal_quarter, rank
