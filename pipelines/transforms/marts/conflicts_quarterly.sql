-- The SLA rules are in intermediate.ops_conflicts.
with conflicts as (
    select
        opened_quarter, conflict_type, cause, resolved_at, acknowledge_sla_status, resolve_sla_status, resolution_days
    from intermediate.ops_conflicts
),

by_group as (
    select
        opened_quarter as fiscal_quarter,
        conflict_type,
        cause,
        count(*) as opened,
        count(*) filter (where acknowledge_sla_status = 'met') as acknowledged_within_24h,
        count(*) filter (where acknowledge_sla_status = 'missed') as acknowledge_missed_24h,
        count(*) filter (where acknowledge_sla_status = 'not_yet_due') as pending_acknowledge_within_sla,
        count(*) filter (where resolved_at is not null) as resolved,
        count(*) filter (where resolve_sla_status = 'met') as resolved_within_5bd,
        count(*) filter (where resolve_sla_status = 'missed') as resolve_missed_5bd,
        count(*) filter (where resolve_sla_status = 'not_yet_due') as pending_resolve_within_sla,
        quantile_cont(resolution_days, 0.5) as median_resolution_days
    from conflicts
    group by opened_quarter, conflict_type, cause
)

select
    fiscal_quarter,
    conflict_type,
    cause,
    opened,
    acknowledged_within_24h,
    acknowledge_missed_24h,
    pending_acknowledge_within_sla,
    acknowledged_within_24h / nullif(acknowledged_within_24h + acknowledge_missed_24h, 0) as acknowledged_24h_share,
    resolved,
    resolved_within_5bd,
    resolve_missed_5bd,
    pending_resolve_within_sla,
    resolved_within_5bd / nullif(resolved_within_5bd + resolve_missed_5bd, 0) as resolved_5bd_share,
    median_resolution_days
from by_group
order by fiscal_quarter, conflict_type, cause
