-- The resolution SLA counts business days with add_business_days: Monday-Friday, no holiday calendar, a weekend
-- opening counting from the following Monday 00:00.
with conflicts as (
    select * from staging.conflicts
),

settings as (
    select
        cast(getvariable('fiscal_year_start_month') as integer) as start_month,
        cast(getvariable('snapshot_date') as timestamp) + interval 1 day as cutoff_at
)

select
    c.conflict_id,
    c.account_id,
    c.conflict_type,
    c.cause,
    c.opened_at,
    fiscal_quarter(c.opened_at, s.start_month) as opened_quarter,
    c.acknowledged_at,
    c.resolved_at,
    c.resolution,
    c.opened_at + interval 24 hour as acknowledge_due_at,
    add_business_days(c.opened_at, 5) as resolve_due_at,
    sla_status(c.acknowledged_at, c.opened_at + interval 24 hour, s.cutoff_at) as acknowledge_sla_status,
    sla_status(c.resolved_at, add_business_days(c.opened_at, 5), s.cutoff_at) as resolve_sla_status,
    case when c.resolved_at is not null then days_between(c.opened_at, c.resolved_at) end as resolution_days
from conflicts as c
cross join settings as s
