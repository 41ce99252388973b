-- Tier readiness rows: one row per (active partner, fiscal quarter Q) of marts.tier_checklist, with features from Q's
-- checklist toward the partner's target tier (the next tier; at the top tier its own, i.e. keeping it) and the
-- outcome at Q + 1: whether the partner met every judged criterion of the target tier (at least one judged). The
-- outcome is null unless Q + 1 had closed by the snapshot (it is not the current quarter), so a training row only ever
-- uses quarters that are over. hygiene_score is left out of every feature: it is known for the snapshot's quarter
-- only, never for a closed one.
--   *_progress       value / threshold of the target tier's criterion, capped at 2 (1 when the tier does not ask it;
--                    2 for a zero threshold); csat_progress is 1 and csat_unknown 1 when the partner has no responses.
--   criteria_met     target-tier criteria met at Q (hygiene aside).
--   arr_progress_change  arr_progress at Q minus at Q - 1 (toward the same tier); 0 in the partner's first quarter.
--   has_full_history     Q's four-quarter window starts no earlier than the quarter of the CRM's first opportunity:
--                        before it the CRM holds no deals, so rolling ARR reads 0 whatever the partner sold.
with checklist as (
    select
        partner_id,
        fiscal_quarter,
        quarter_number,
        tier,
        tier_rank,
        role,
        evaluated_tier,
        criterion,
        value,
        threshold,
        is_judged,
        is_met
    from marts.tier_checklist
),

tier_levels as (
    select max(tier_rank) as top_rank from config.tiers
),

quarters as (
    select fiscal_quarter, quarter_start, quarter_end, quarter_number, is_current from intermediate.fiscal_quarters
),

current_quarter as (
    select quarter_number from quarters where is_current
),

history_start as (
    select min(q.quarter_start) as quarter_start
    from quarters as q
    where q.quarter_end > (select min(created_at) from staging.opportunities)
),

targeted as (
    select
        c.partner_id,
        c.fiscal_quarter,
        c.quarter_number,
        c.tier,
        c.tier_rank,
        c.evaluated_tier,
        c.criterion,
        c.is_judged,
        c.is_met,
        case
            when c.value is null then null
            when c.threshold <= 0 then 2.0
            else least(c.value / c.threshold, 2.0)
        end as progress
    from checklist as c
    cross join tier_levels as t
    where c.role = 'next' or (c.role = 'current' and c.tier_rank = t.top_rank)
),

partner_quarters as (
    select
        partner_id,
        fiscal_quarter,
        any_value(quarter_number) as quarter_number,
        any_value(tier) as tier,
        any_value(tier_rank) as tier_rank,
        any_value(evaluated_tier) as target_tier,
        coalesce(max(progress) filter (where criterion = 'rolling_4q_credited_arr'), 1.0) as arr_progress,
        coalesce(max(progress) filter (where criterion = 'avg_csat'), 1.0) as csat_progress,
        case when count(*) filter (where criterion = 'avg_csat' and not is_judged) > 0 then 1.0 else 0.0 end as csat_unknown,
        coalesce(max(progress) filter (where criterion = 'certified_people'), 1.0) as certified_progress,
        coalesce(max(progress) filter (where criterion = 'recent_proofs'), 1.0) as proofs_progress,
        cast(count(*) filter (where criterion <> 'hygiene_score' and is_met) as double) as criteria_met,
        count(*) filter (where is_judged) > 0 and count(*) filter (where is_judged and not is_met) = 0 as meets_target
    from targeted
    group by partner_id, fiscal_quarter
)

select
    p.partner_id,
    p.fiscal_quarter,
    p.quarter_number,
    q.quarter_start,
    p.tier,
    p.target_tier,
    n.fiscal_quarter as outcome_quarter,
    nq.quarter_end as outcome_quarter_end,
    p.arr_progress,
    p.csat_progress,
    p.csat_unknown,
    p.certified_progress,
    p.proofs_progress,
    p.criteria_met,
    cast(p.tier_rank as double) as tier_rank,
    coalesce(p.arr_progress - lag(p.arr_progress) over (partition by p.partner_id order by p.quarter_number), 0.0) as arr_progress_change,
    coalesce(q.quarter_start - interval 9 month >= h.quarter_start, false) as has_full_history,
    case when nq.quarter_number < cq.quarter_number then n.meets_target end as met_target_next_quarter
from partner_quarters as p
cross join current_quarter as cq
cross join history_start as h
inner join quarters as q on q.fiscal_quarter = p.fiscal_quarter
left join partner_quarters as n on n.partner_id = p.partner_id and n.quarter_number = p.quarter_number + 1
left join quarters as nq on nq.quarter_number = p.quarter_number + 1
order by p.partner_id, p.quarter_number
