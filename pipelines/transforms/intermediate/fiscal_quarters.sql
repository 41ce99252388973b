with settings as (
    select
        cast(getvariable('fiscal_year_start_month') as integer) as start_month,
        cast(getvariable('snapshot_date') as date) as snapshot_date
),

earliest as (
    select min(first_at) as first_at
    from (
        select min(created_at) as first_at from staging.opportunities
        union all
        select min(submitted_at) from staging.deal_registrations
        union all
        select min(joined_at) from staging.partners
    )
),

bounds as (
    select
        fiscal_quarter_start(coalesce(e.first_at, s.snapshot_date), s.start_month) as first_start,
        fiscal_quarter_start(s.snapshot_date, s.start_month) as last_start,
        s.start_month,
        s.snapshot_date
    from earliest as e
    cross join settings as s
),

starts as (
    select cast(unnest(generate_series(b.first_start, b.last_start, interval 3 month)) as date) as quarter_start
    from bounds as b
)

select
    fiscal_quarter(q.quarter_start, b.start_month) as fiscal_quarter,
    q.quarter_start,
    cast(q.quarter_start + interval 3 month as date) as quarter_end,
    cast(row_number() over (order by q.quarter_start) as integer) as quarter_number,
    b.snapshot_date >= q.quarter_start and b.snapshot_date < q.quarter_start + interval 3 month as is_current
from starts as q
cross join bounds as b
order by q.quarter_start
