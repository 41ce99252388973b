-- The tier is the roster's tier in the snapshot for every quarter (the CRM keeps no tier history), so past quarters
-- read as "had the partner held its current tier then". is_within_grace compares at 9 decimals, so exactly 10 %
-- short is not within a 10 % margin whatever the floating-point noise. Grace lasts one quarter: the second narrow
-- miss in a row is a downgrade, and so is every later one in the run.
with inputs as (
    select
        partner_id,
        partner_name,
        partner_type,
        fiscal_quarter,
        quarter_number,
        is_current,
        tier,
        rolling_4q_credited_arr,
        avg_csat,
        certified_people,
        hygiene_score
    from marts.tier_inputs
    where status = 'active'
),

tier_levels as (
    select
        tier,
        tier_rank,
        tier_rank = min(tier_rank) over () as is_entry_tier
    from config.tiers
),

criteria as (
    select tier, tier_rank, criterion, threshold from config.tier_criteria
),

settings as (
    select grace_margin from config.tier_settings
),

quarters as (
    select fiscal_quarter, quarter_start from intermediate.fiscal_quarters
),

proofs as (
    select partner_id, proof_type, recorded_at from staging.partner_proofs
),

fiscal as (
    select cast(getvariable('fiscal_year_start_month') as integer) as start_month
),

-- the same four quarters as tier_inputs: recorded in the quarter or the three before it
asked_proofs as (
    select
        i.partner_id,
        i.fiscal_quarter,
        count(*) as proofs
    from inputs as i
    cross join fiscal as s
    inner join quarters as q on q.fiscal_quarter = i.fiscal_quarter
    inner join proofs as f
        on f.partner_id = i.partner_id
        and fiscal_quarter_start(f.recorded_at, s.start_month) between cast(q.quarter_start - interval 9 month as date) and q.quarter_start
        and (
            f.proof_type = 'case_study'
            or (f.proof_type = 'validated_integration' and i.partner_type = 'tech')
            or (f.proof_type = 'sow' and i.partner_type = 'services')
        )
    group by i.partner_id, i.fiscal_quarter
),

partner_tiers as (
    select
        i.partner_id,
        i.partner_name,
        i.partner_type,
        i.fiscal_quarter,
        i.quarter_number,
        i.is_current,
        i.tier,
        t.tier_rank,
        t.is_entry_tier,
        (select min(n.tier_rank) from tier_levels as n where n.tier_rank > t.tier_rank) as next_tier_rank,
        (select max(b.tier_rank) from tier_levels as b where b.tier_rank < t.tier_rank) as lower_tier_rank,
        cast(i.rolling_4q_credited_arr as double) as rolling_4q_credited_arr,
        i.avg_csat,
        cast(i.certified_people as double) as certified_people,
        cast(coalesce(p.proofs, 0) as double) as recent_proofs,
        i.hygiene_score
    from inputs as i
    inner join tier_levels as t on t.tier = i.tier
    left join asked_proofs as p on p.partner_id = i.partner_id and p.fiscal_quarter = i.fiscal_quarter
),

-- the current tier's criteria and the next tier's, each with the partner-quarter's value of its measure
evaluations as (
    select
        pt.partner_id,
        pt.fiscal_quarter,
        r.role,
        c.tier as evaluated_tier,
        c.tier_rank as evaluated_tier_rank,
        c.criterion,
        c.threshold,
        case c.criterion
            when 'rolling_4q_credited_arr' then pt.rolling_4q_credited_arr
            when 'avg_csat' then pt.avg_csat
            when 'certified_people' then pt.certified_people
            when 'recent_proofs' then pt.recent_proofs
            when 'hygiene_score' then pt.hygiene_score
        end as value
    from partner_tiers as pt
    cross join (values ('current'), ('next')) as r (role)
    inner join criteria as c
        on c.tier_rank = case r.role when 'current' then pt.tier_rank else pt.next_tier_rank end
),

checked as (
    select
        e.partner_id,
        e.fiscal_quarter,
        e.role,
        e.evaluated_tier,
        e.evaluated_tier_rank,
        e.criterion,
        e.value,
        e.threshold,
        e.value is not null as is_judged,
        case when e.value is not null then e.value >= e.threshold end as is_met,
        case
            when e.value is null then null
            when e.threshold <= 0 then 100.0
            else least(100.0, greatest(0.0, 100.0 * e.value / e.threshold))
        end as progress_pct,
        case when e.value is not null then greatest(e.threshold - e.value, 0.0) end as gap_to_threshold,
        case
            when e.value is null then null
            when e.value >= e.threshold then false
            else round((e.threshold - e.value) / e.threshold, 9) < round(s.grace_margin, 9)
        end as is_within_grace
    from evaluations as e
    cross join settings as s
),

partner_quarter_counts as (
    select
        pt.partner_id,
        pt.fiscal_quarter,
        pt.quarter_number,
        pt.tier_rank,
        pt.is_entry_tier,
        pt.next_tier_rank,
        pt.lower_tier_rank,
        count(c.criterion) filter (where c.role = 'current' and c.is_judged and not c.is_met) as missed_current,
        count(c.criterion) filter (where c.role = 'current' and c.is_within_grace) as within_grace_current,
        count(c.criterion) filter (where c.role = 'next' and c.is_judged) as judged_next,
        count(c.criterion) filter (where c.role = 'next' and c.is_judged and not c.is_met) as missed_next
    from partner_tiers as pt
    left join checked as c on c.partner_id = pt.partner_id and c.fiscal_quarter = pt.fiscal_quarter
    group by pt.partner_id, pt.fiscal_quarter, pt.quarter_number, pt.tier_rank, pt.is_entry_tier, pt.next_tier_rank, pt.lower_tier_rank
),

narrow_misses as (
    select
        partner_id,
        fiscal_quarter,
        tier_rank,
        is_entry_tier,
        next_tier_rank,
        lower_tier_rank,
        missed_current,
        judged_next,
        missed_next,
        missed_current = 1 and within_grace_current = 1 as is_narrow_miss,
        coalesce(lag(missed_current = 1 and within_grace_current = 1) over (
            partition by partner_id order by quarter_number
        ), false) as was_narrow_miss_before
    from partner_quarter_counts
),

recommendations as (
    select
        partner_id,
        fiscal_quarter,
        case
            when next_tier_rank is not null and judged_next > 0 and missed_next = 0 then 'upgrade'
            when missed_current = 0 or is_entry_tier then 'hold'
            when is_narrow_miss and not was_narrow_miss_before then 'grace'
            else 'downgrade'
        end as recommendation,
        tier_rank,
        next_tier_rank,
        lower_tier_rank
    from narrow_misses
),

reviews as (
    select
        r.partner_id,
        r.fiscal_quarter,
        r.recommendation,
        t.tier as recommended_tier
    from recommendations as r
    inner join tier_levels as t
        on t.tier_rank = case r.recommendation
            when 'upgrade' then r.next_tier_rank
            when 'downgrade' then r.lower_tier_rank
            else r.tier_rank
        end
)

select
    c.partner_id,
    pt.partner_name,
    pt.partner_type,
    c.fiscal_quarter,
    pt.quarter_number,
    pt.is_current,
    pt.tier,
    pt.tier_rank,
    c.role,
    c.evaluated_tier,
    c.evaluated_tier_rank,
    c.criterion,
    c.value,
    c.threshold,
    c.is_judged,
    c.is_met,
    c.progress_pct,
    c.gap_to_threshold,
    c.is_within_grace,
    r.recommendation,
    r.recommended_tier
from checked as c
inner join partner_tiers as pt on pt.partner_id = c.partner_id and pt.fiscal_quarter = c.fiscal_quarter
inner join reviews as r on r.partner_id = c.partner_id and r.fiscal_quarter = c.fiscal_quarter
order by c.partner_id, pt.quarter_number, c.evaluated_tier_rank, c.criterion
