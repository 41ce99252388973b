with credits as (
    select opportunity_id, partner_id, role, attribution, arr, credited_arr, is_closed, is_won, closed_quarter
    from intermediate.partner_credits
),

deals as (
    select opportunity_id, name, lost_reason from marts.deals
)

select
    c.partner_id,
    c.opportunity_id,
    c.role,
    d.name as opportunity_name,
    c.attribution,
    c.is_closed,
    c.is_won,
    c.closed_quarter,
    c.arr,
    c.credited_arr,
    d.lost_reason
from credits as c
inner join deals as d on d.opportunity_id = c.opportunity_id
order by c.partner_id, c.opportunity_id, c.role
