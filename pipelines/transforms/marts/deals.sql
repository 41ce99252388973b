with opportunities as (
    select opportunity_id, stage, stage_index, arr, reporting_motion, is_closed, is_won, lost_reason
    from intermediate.opportunities
),

names as (
    select opportunity_id, name from staging.opportunities
)

select
    o.opportunity_id,
    n.name,
    o.stage,
    o.stage_index,
    o.arr,
    o.reporting_motion,
    o.is_closed,
    o.is_won,
    o.lost_reason
from opportunities as o
inner join names as n on n.opportunity_id = o.opportunity_id
order by o.opportunity_id
