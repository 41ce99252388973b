-- Targets (config.targets, pipeline.yaml targets:) beside the actuals they are set on. Program actuals are the sums of
-- the partners' figures, so a partner's attainment and the program's add up. Pace: for the quarter in progress, the
-- share of the target a straight line through the quarter expects by the snapshot date; closed quarters have none.
with targets as (
    select fiscal_quarter, partner_id, measure, target from config.targets
),

quarters as (
    select fiscal_quarter, quarter_start, quarter_end, is_current from intermediate.fiscal_quarters
),

partner_actuals as (
    select partner_id, fiscal_quarter, 'sourced_arr' as measure, cast(sourced_arr as double) as actual from marts.partner_quarterly
    union all
    select partner_id, fiscal_quarter, 'sourced_pipeline_arr', cast(sourced_pipeline_arr as double) from marts.partner_quarterly
    union all
    select partner_id, fiscal_quarter, 'certified_people', cast(certified_people as double) from marts.tier_inputs
),

program_actuals as (
    select cast(null as varchar) as partner_id, fiscal_quarter, measure, sum(actual) as actual
    from partner_actuals
    group by fiscal_quarter, measure
),

actuals as (
    select partner_id, fiscal_quarter, measure, actual from partner_actuals
    union all
    select partner_id, fiscal_quarter, measure, actual from program_actuals
),

joined as (
    select
        t.fiscal_quarter,
        t.partner_id,
        t.measure,
        t.target,
        coalesce(a.actual, 0) as actual,
        q.is_current,
        case
            when q.is_current then
                (cast(getvariable('snapshot_date') as date) - q.quarter_start + 1)
                / cast(q.quarter_end - q.quarter_start as double)
        end as elapsed_share
    from targets as t
    inner join quarters as q on q.fiscal_quarter = t.fiscal_quarter
    left join actuals as a
        on a.fiscal_quarter = t.fiscal_quarter and a.measure = t.measure and a.partner_id is not distinct from t.partner_id
)

select
    fiscal_quarter,
    partner_id,
    partner_id is null as is_program,
    measure,
    target,
    actual,
    actual / nullif(target, 0) as attainment,
    is_current,
    elapsed_share,
    case when is_current then actual / nullif(target * elapsed_share, 0) end as pace
from joined
order by fiscal_quarter, partner_id nulls first, measure
