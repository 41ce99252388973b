with partners as (
    select partner_id from staging.partners
),

quarters as (
    select fiscal_quarter, quarter_start from intermediate.fiscal_quarters
),

arr as (
    select
        partner_id,
        fiscal_quarter,
        sum(sourced_arr) as sourced_arr,
        sum(influenced_arr) as influenced_arr,
        sum(sourced_won_deals) as sourced_won_deals,
        sum(influenced_won_deals) as influenced_won_deals,
        sum(sourced_pipeline_arr) as sourced_pipeline_arr
    from marts.partner_arr_quarterly
    group by partner_id, fiscal_quarter
),

closed as (
    select
        partner_id,
        closed_quarter as fiscal_quarter,
        count(distinct opportunity_id) filter (where is_won) as won_deals,
        count(distinct opportunity_id) filter (where not is_won) as lost_deals,
        count(distinct opportunity_id) filter (where is_won and opportunity_type = 'new_business') as new_business_won_deals,
        count(distinct opportunity_id) filter (where not is_won and opportunity_type = 'new_business') as new_business_lost_deals,
        sum(credited_arr) filter (where is_won) as won_credited_arr,
        sum(arr) filter (where not is_won) as lost_arr
    from intermediate.partner_credits
    where is_closed
    group by partner_id, closed_quarter
),

registrations as (
    select partner_id, fiscal_quarter, submitted, decided, decided_within_48h, approved
    from marts.registration_sla
),

filled as (
    select
        p.partner_id,
        q.fiscal_quarter,
        q.quarter_start,
        coalesce(a.sourced_arr, 0) as sourced_arr,
        coalesce(a.influenced_arr, 0) as influenced_arr,
        coalesce(a.sourced_won_deals, 0) as sourced_won_deals,
        coalesce(a.influenced_won_deals, 0) as influenced_won_deals,
        coalesce(a.sourced_pipeline_arr, 0) as sourced_pipeline_arr,
        coalesce(c.won_deals, 0) as won_deals,
        coalesce(c.lost_deals, 0) as lost_deals,
        coalesce(c.new_business_won_deals, 0) as new_business_won_deals,
        coalesce(c.new_business_lost_deals, 0) as new_business_lost_deals,
        coalesce(c.won_credited_arr, 0) as won_credited_arr,
        coalesce(c.lost_arr, 0) as lost_arr,
        coalesce(r.submitted, 0) as registrations_submitted,
        coalesce(r.decided, 0) as registrations_decided,
        coalesce(r.decided_within_48h, 0) as decided_within_48h,
        coalesce(r.approved, 0) as registrations_approved
    from partners as p
    cross join quarters as q
    left join arr as a on a.partner_id = p.partner_id and a.fiscal_quarter = q.fiscal_quarter
    left join closed as c on c.partner_id = p.partner_id and c.fiscal_quarter = q.fiscal_quarter
    left join registrations as r on r.partner_id = p.partner_id and r.fiscal_quarter = q.fiscal_quarter
)

select
    partner_id,
    fiscal_quarter,
    cast(sourced_arr as decimal(18, 2)) as sourced_arr,
    cast(influenced_arr as decimal(18, 2)) as influenced_arr,
    cast(sourced_arr + influenced_arr as decimal(18, 2)) as credited_arr,
    cast(coalesce(lag(sourced_arr + influenced_arr) over (partition by partner_id order by quarter_start), 0) as decimal(18, 2)) as previous_credited_arr,
    cast(sourced_won_deals as integer) as sourced_won_deals,
    cast(influenced_won_deals as integer) as influenced_won_deals,
    cast(sourced_pipeline_arr as decimal(18, 2)) as sourced_pipeline_arr,
    cast(won_deals as integer) as won_deals,
    cast(lost_deals as integer) as lost_deals,
    cast(new_business_won_deals as integer) as new_business_won_deals,
    cast(new_business_lost_deals as integer) as new_business_lost_deals,
    -- One definition of win rate across packs and emails (marts.win_rates): new business only, renewals win ~90 %.
    cast(new_business_won_deals as double) / nullif(new_business_won_deals + new_business_lost_deals, 0) as win_rate,
    cast(won_credited_arr as decimal(18, 2)) as won_credited_arr,
    cast(lost_arr as decimal(18, 2)) as lost_arr,
    cast(registrations_submitted as integer) as registrations_submitted,
    cast(registrations_decided as integer) as registrations_decided,
    cast(decided_within_48h as integer) as decided_within_48h,
    cast(registrations_approved as integer) as registrations_approved,
    cast(decided_within_48h as double) / nullif(registrations_decided, 0) as decided_within_48h_share,
    cast(registrations_approved as double) / nullif(registrations_decided, 0) as approval_rate
from filled
order by partner_id, quarter_start
