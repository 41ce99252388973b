with partners as (
    select partner_id from staging.partners
),

settings as (
    select snapshot_date from intermediate.week_ago_snapshot
),

week_ago as (
    select week_ago_snapshot_date as snapshot_date from intermediate.week_ago_snapshot
),

open_pipeline as (
    select partner_id, sum(deals) as open_deals, sum(arr) as open_arr, sum(credited_arr) as open_credited_arr
    from marts.partner_open_pipeline
    group by partner_id
),

sourced as (
    select
        c.partner_id,
        sum(c.credited_arr) filter (where c.snapshot_date = s.snapshot_date) as sourced_pipeline_arr,
        sum(c.credited_arr) filter (where c.snapshot_date = w.snapshot_date) as sourced_pipeline_arr_week_ago
    from intermediate.credited_arr_by_snapshot as c
    cross join settings as s
    cross join week_ago as w
    where c.snapshot_date in (s.snapshot_date, w.snapshot_date)
      and c.attribution = 'sourced'
      and not c.is_closed
    group by c.partner_id
)

select
    p.partner_id,
    cast(coalesce(o.open_deals, 0) as integer) as open_deals,
    coalesce(o.open_arr, 0) as open_arr,
    coalesce(o.open_credited_arr, 0) as open_credited_arr,
    coalesce(r.sourced_pipeline_arr, 0) as sourced_pipeline_arr,
    case when w.snapshot_date is not null then coalesce(r.sourced_pipeline_arr_week_ago, 0) end as sourced_pipeline_arr_week_ago,
    w.snapshot_date as week_ago_snapshot_date
from partners as p
cross join week_ago as w
left join open_pipeline as o on o.partner_id = p.partner_id
left join sourced as r on r.partner_id = p.partner_id
order by p.partner_id
