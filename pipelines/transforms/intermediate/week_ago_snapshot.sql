with settings as (
    select cast(getvariable('snapshot_date') as date) as snapshot_date
)

select
    s.snapshot_date,
    max(o.snapshot_date) as week_ago_snapshot_date
from settings as s
left join staging.opportunities_as_of as o on o.snapshot_date <= s.snapshot_date - 7
group by s.snapshot_date
