-- Pipeline is bucketed by the quarter of close_date, not closed_at, so quarters after the snapshot appear. A partner
-- row with no attribution credits nothing and counts only in the unattributed_* columns: hygiene reports it.
with credits as (
    select
        partner_id,
        opportunity_id,
        reporting_motion,
        is_won,
        is_closed,
        closed_quarter,
        close_date_quarter,
        attribution,
        credited_arr,
        attribution is not null and attribution_pct is not null as is_attributed
    from intermediate.partner_credits
),

won as (
    select
        partner_id,
        reporting_motion as motion,
        closed_quarter as fiscal_quarter,
        sum(credited_arr) filter (where is_attributed and attribution = 'sourced') as sourced_arr,
        sum(credited_arr) filter (where is_attributed and attribution = 'influenced') as influenced_arr,
        count(distinct opportunity_id) filter (where is_attributed and attribution = 'sourced') as sourced_won_deals,
        count(distinct opportunity_id) filter (where is_attributed and attribution = 'influenced') as influenced_won_deals,
        count(distinct opportunity_id) filter (where not is_attributed) as unattributed_won_deals
    from credits
    where is_won
    group by partner_id, reporting_motion, closed_quarter
),

pipeline as (
    select
        partner_id,
        reporting_motion as motion,
        close_date_quarter as fiscal_quarter,
        sum(credited_arr) filter (where is_attributed and attribution = 'sourced') as sourced_pipeline_arr,
        sum(credited_arr) filter (where is_attributed and attribution = 'influenced') as influenced_pipeline_arr,
        count(distinct opportunity_id) filter (where is_attributed and attribution = 'sourced') as sourced_pipeline_deals,
        count(distinct opportunity_id) filter (where is_attributed and attribution = 'influenced') as influenced_pipeline_deals,
        count(distinct opportunity_id) filter (where not is_attributed) as unattributed_pipeline_deals
    from credits
    where not is_closed
    group by partner_id, reporting_motion, close_date_quarter
),

combined as (
    select
        coalesce(w.partner_id, p.partner_id) as partner_id,
        coalesce(w.motion, p.motion) as motion,
        coalesce(w.fiscal_quarter, p.fiscal_quarter) as fiscal_quarter,
        coalesce(w.sourced_arr, 0) as sourced_arr,
        coalesce(w.influenced_arr, 0) as influenced_arr,
        coalesce(p.sourced_pipeline_arr, 0) as sourced_pipeline_arr,
        coalesce(p.influenced_pipeline_arr, 0) as influenced_pipeline_arr,
        coalesce(w.sourced_won_deals, 0) as sourced_won_deals,
        coalesce(w.influenced_won_deals, 0) as influenced_won_deals,
        coalesce(w.unattributed_won_deals, 0) as unattributed_won_deals,
        coalesce(p.sourced_pipeline_deals, 0) as sourced_pipeline_deals,
        coalesce(p.influenced_pipeline_deals, 0) as influenced_pipeline_deals,
        coalesce(p.unattributed_pipeline_deals, 0) as unattributed_pipeline_deals
    from won as w
    full outer join pipeline as p
        on p.partner_id = w.partner_id
       and p.motion = w.motion
       and p.fiscal_quarter = w.fiscal_quarter
)

select
    partner_id,
    motion,
    fiscal_quarter,
    cast(sourced_arr as decimal(18, 2)) as sourced_arr,
    cast(influenced_arr as decimal(18, 2)) as influenced_arr,
    cast(sourced_arr + influenced_arr as decimal(18, 2)) as credited_arr,
    cast(sourced_pipeline_arr as decimal(18, 2)) as sourced_pipeline_arr,
    cast(influenced_pipeline_arr as decimal(18, 2)) as influenced_pipeline_arr,
    cast(sourced_won_deals as integer) as sourced_won_deals,
    cast(influenced_won_deals as integer) as influenced_won_deals,
    cast(unattributed_won_deals as integer) as unattributed_won_deals,
    cast(sourced_pipeline_deals as integer) as sourced_pipeline_deals,
    cast(influenced_pipeline_deals as integer) as influenced_pipeline_deals,
    cast(unattributed_pipeline_deals as integer) as unattributed_pipeline_deals
from combined
order by fiscal_quarter, partner_id, motion
