-- hygiene_score is known only for the snapshot's quarter: it judges the open deals as they stand in the snapshot.
-- For the snapshot's quarter the snapshot cut-off stands in for the quarter end. tier, partner_type and status are
-- the roster's values in the snapshot (the CRM keeps no tier history).
with partners as (
    select partner_id, name as partner_name, partner_type, tier, status, joined_at from staging.partners
),

quarters as (
    select fiscal_quarter, quarter_start, quarter_end, quarter_number, is_current from intermediate.fiscal_quarters
),

settings as (
    select
        cast(getvariable('fiscal_year_start_month') as integer) as start_month,
        cast(getvariable('snapshot_date') as timestamp) + interval 1 day as cutoff_at
),

partner_quarters as (
    select
        p.partner_id,
        p.partner_name,
        p.partner_type,
        p.tier,
        p.status,
        q.fiscal_quarter,
        q.quarter_number,
        q.is_current,
        cast(q.quarter_start - interval 9 month as date) as window_start,
        q.quarter_start,
        -- the instant certifications are judged at: the quarter end, or the cut-off for the snapshot's quarter
        case when q.is_current then s.cutoff_at else cast(q.quarter_end as timestamp) end as judged_at
    from partners as p
    cross join settings as s
    inner join quarters as q on q.quarter_end > p.joined_at
),

credits_by_quarter as (
    select
        c.partner_id,
        fiscal_quarter_start(c.closed_at, s.start_month) as quarter_start,
        sum(c.credited_arr) filter (where c.attribution = 'sourced') as sourced_arr,
        sum(c.credited_arr) filter (where c.attribution = 'influenced') as influenced_arr
    from intermediate.partner_credits as c
    cross join settings as s
    where c.is_won and c.credited_arr is not null
    group by c.partner_id, fiscal_quarter_start(c.closed_at, s.start_month)
),

csat_by_quarter as (
    select
        r.partner_id,
        fiscal_quarter_start(r.responded_at, s.start_month) as quarter_start,
        sum(r.score) as score_sum,
        count(*) as responses
    from staging.csat_responses as r
    cross join settings as s
    group by r.partner_id, fiscal_quarter_start(r.responded_at, s.start_month)
),

proofs_by_quarter as (
    select
        f.partner_id,
        fiscal_quarter_start(f.recorded_at, s.start_month) as quarter_start,
        count(*) as proofs,
        count(*) filter (where f.proof_type = 'case_study') as case_studies,
        count(*) filter (where f.proof_type = 'validated_integration') as validated_integrations,
        count(*) filter (where f.proof_type = 'sow') as sows
    from staging.partner_proofs as f
    cross join settings as s
    group by f.partner_id, fiscal_quarter_start(f.recorded_at, s.start_month)
),

rolling_credits as (
    select
        pq.partner_id,
        pq.fiscal_quarter,
        sum(c.sourced_arr) as sourced_arr,
        sum(c.influenced_arr) as influenced_arr
    from partner_quarters as pq
    inner join credits_by_quarter as c
        on c.partner_id = pq.partner_id and c.quarter_start between pq.window_start and pq.quarter_start
    group by pq.partner_id, pq.fiscal_quarter
),

rolling_csat as (
    select
        pq.partner_id,
        pq.fiscal_quarter,
        sum(c.score_sum) as score_sum,
        sum(c.responses) as responses
    from partner_quarters as pq
    inner join csat_by_quarter as c
        on c.partner_id = pq.partner_id and c.quarter_start between pq.window_start and pq.quarter_start
    group by pq.partner_id, pq.fiscal_quarter
),

rolling_proofs as (
    select
        pq.partner_id,
        pq.fiscal_quarter,
        sum(f.proofs) as proofs,
        sum(f.case_studies) as case_studies,
        sum(f.validated_integrations) as validated_integrations,
        sum(f.sows) as sows
    from partner_quarters as pq
    inner join proofs_by_quarter as f
        on f.partner_id = pq.partner_id and f.quarter_start between pq.window_start and pq.quarter_start
    group by pq.partner_id, pq.fiscal_quarter
),

certified as (
    select
        pq.partner_id,
        pq.fiscal_quarter,
        count(distinct c.person_email) as certified_people
    from partner_quarters as pq
    inner join staging.certifications as c
        on c.partner_id = pq.partner_id
        and c.earned_at < pq.judged_at
        and (c.expires_at is null or c.expires_at >= pq.judged_at)
    group by pq.partner_id, pq.fiscal_quarter
),

hygiene as (
    select partner_id, hygiene_score from intermediate.ops_partner_hygiene
)

select
    pq.partner_id,
    pq.partner_name,
    pq.fiscal_quarter,
    pq.quarter_number,
    pq.is_current,
    pq.tier,
    pq.partner_type,
    pq.status,
    cast(coalesce(rc.sourced_arr, 0) + coalesce(rc.influenced_arr, 0) as decimal(18, 2)) as rolling_4q_credited_arr,
    cast(coalesce(rc.sourced_arr, 0) as decimal(18, 2)) as rolling_4q_sourced_arr,
    cast(coalesce(rc.influenced_arr, 0) as decimal(18, 2)) as rolling_4q_influenced_arr,
    rs.score_sum / nullif(coalesce(rs.responses, 0), 0) as avg_csat,
    cast(coalesce(rs.responses, 0) as bigint) as csat_responses,
    coalesce(ce.certified_people, 0) as certified_people,
    cast(coalesce(rp.proofs, 0) as bigint) as recent_proofs,
    coalesce(rp.case_studies, 0) > 0 as has_case_study,
    coalesce(rp.validated_integrations, 0) > 0 as has_validated_integration,
    coalesce(rp.sows, 0) > 0 as has_sow,
    case when pq.is_current then h.hygiene_score end as hygiene_score
from partner_quarters as pq
left join rolling_credits as rc on rc.partner_id = pq.partner_id and rc.fiscal_quarter = pq.fiscal_quarter
left join rolling_csat as rs on rs.partner_id = pq.partner_id and rs.fiscal_quarter = pq.fiscal_quarter
left join rolling_proofs as rp on rp.partner_id = pq.partner_id and rp.fiscal_quarter = pq.fiscal_quarter
left join certified as ce on ce.partner_id = pq.partner_id and ce.fiscal_quarter = pq.fiscal_quarter
left join hygiene as h on h.partner_id = pq.partner_id
order by pq.partner_id, pq.quarter_number
