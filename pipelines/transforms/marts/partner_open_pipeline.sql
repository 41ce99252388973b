with credits as (
    select partner_id, opportunity_id, arr, credited_arr
    from intermediate.partner_credits
    where not is_closed
),

deals as (
    select opportunity_id, stage_index, stage from marts.deals
)

select
    c.partner_id,
    d.stage_index,
    d.stage,
    cast(count(distinct c.opportunity_id) as integer) as deals,
    sum(c.arr) as arr,
    sum(c.credited_arr) as credited_arr
from credits as c
inner join deals as d on d.opportunity_id = c.opportunity_id
group by c.partner_id, d.stage_index, d.stage
order by c.partner_id, d.stage_index, d.stage
