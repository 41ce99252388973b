with partners as (
    select partner_id, lower(partner_manager_email) as manager_key
    from marts.partner_roster
    where is_active
),

pipeline as (
    select partner_id, sourced_pipeline_arr, sourced_pipeline_arr_week_ago, week_ago_snapshot_date
    from marts.partner_pipeline
)

select
    p.manager_key,
    sum(l.sourced_pipeline_arr) as sourced_pipeline_arr,
    case when bool_and(l.week_ago_snapshot_date is not null) then sum(l.sourced_pipeline_arr_week_ago) end as sourced_pipeline_arr_week_ago
from partners as p
inner join pipeline as l on l.partner_id = p.partner_id
group by p.manager_key
order by p.manager_key
