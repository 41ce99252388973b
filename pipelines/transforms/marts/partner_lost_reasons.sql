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
