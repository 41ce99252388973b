with conflicts as (
    select
        fiscal_quarter,
        conflict_type,
        opened,
        acknowledged_within_24h,
        acknowledge_missed_24h,
        resolved_within_5bd,
        resolve_missed_5bd,
        median_resolution_days
    from marts.conflicts_quarterly
)

select
    fiscal_quarter,
    conflict_type,
    sum(opened) as opened,
    sum(acknowledged_within_24h) / nullif(sum(acknowledged_within_24h) + sum(acknowledge_missed_24h), 0) as acknowledged_24h_share,
    sum(resolved_within_5bd) / nullif(sum(resolved_within_5bd) + sum(resolve_missed_5bd), 0) as resolved_5bd_share,
    median(median_resolution_days) as median_resolution_days
from conflicts
group by fiscal_quarter, conflict_type
order by fiscal_quarter, opened desc
