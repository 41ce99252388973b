-- New pipeline counts new_business deals by the quarter they were created, whatever happened to them since.
with quarters as (
    select fiscal_quarter, quarter_start, quarter_end, quarter_number, is_current
    from intermediate.fiscal_quarters
),

opportunities as (
    select opportunity_type, is_partner_touched, is_closed, is_won, arr, created_quarter, closed_quarter
    from intermediate.opportunities
),

partner_arr as (
    select fiscal_quarter, sourced_arr, influenced_arr
    from marts.partner_arr_quarterly
),

closed_by_quarter as (
    select
        closed_quarter as fiscal_quarter,
        sum(arr) filter (where is_won) as won_arr,
        sum(arr) filter (where is_won and is_partner_touched) as partner_touched_won_arr,
        count(*) filter (where is_won) as won_deals,
        count(*) filter (where is_won and is_partner_touched) as partner_touched_won_deals,
        count(*) filter (where not is_won) as lost_deals
    from opportunities
    where is_closed
    group by closed_quarter
),

created_by_quarter as (
    select
        created_quarter as fiscal_quarter,
        sum(arr) as new_pipeline_arr,
        sum(arr) filter (where is_partner_touched) as partner_new_pipeline_arr,
        count(*) as new_business_created,
        count(*) filter (where is_partner_touched) as partner_new_business_created
    from opportunities
    where opportunity_type = 'new_business'
    group by created_quarter
),

credited_by_quarter as (
    select
        fiscal_quarter,
        sum(sourced_arr) as sourced_arr,
        sum(influenced_arr) as influenced_arr
    from partner_arr
    group by fiscal_quarter
),

filled as (
    select
        q.fiscal_quarter,
        q.quarter_start,
        q.quarter_end,
        q.quarter_number,
        q.is_current,
        coalesce(c.won_arr, 0) as won_arr,
        coalesce(c.partner_touched_won_arr, 0) as partner_touched_won_arr,
        coalesce(c.won_deals, 0) as won_deals,
        coalesce(c.partner_touched_won_deals, 0) as partner_touched_won_deals,
        coalesce(c.lost_deals, 0) as lost_deals,
        coalesce(n.new_pipeline_arr, 0) as new_pipeline_arr,
        coalesce(n.partner_new_pipeline_arr, 0) as partner_new_pipeline_arr,
        coalesce(n.new_business_created, 0) as new_business_created,
        coalesce(n.partner_new_business_created, 0) as partner_new_business_created,
        coalesce(k.sourced_arr, 0) as sourced_arr,
        coalesce(k.influenced_arr, 0) as influenced_arr
    from quarters as q
    left join closed_by_quarter as c on c.fiscal_quarter = q.fiscal_quarter
    left join created_by_quarter as n on n.fiscal_quarter = q.fiscal_quarter
    left join credited_by_quarter as k on k.fiscal_quarter = q.fiscal_quarter
)

select
    fiscal_quarter,
    quarter_start,
    quarter_end,
    quarter_number,
    is_current,
    cast(won_arr as decimal(18, 2)) as won_arr,
    cast(partner_touched_won_arr as decimal(18, 2)) as partner_touched_won_arr,
    cast(partner_touched_won_arr as double) / nullif(cast(won_arr as double), 0) as partner_touched_won_share,
    cast(won_deals as integer) as won_deals,
    cast(partner_touched_won_deals as integer) as partner_touched_won_deals,
    cast(lost_deals as integer) as lost_deals,
    cast(new_pipeline_arr as decimal(18, 2)) as new_pipeline_arr,
    cast(partner_new_pipeline_arr as decimal(18, 2)) as partner_new_pipeline_arr,
    cast(partner_new_pipeline_arr as double) / nullif(cast(new_pipeline_arr as double), 0) as partner_share_of_new_pipeline,
    cast(new_business_created as integer) as new_business_created,
    cast(partner_new_business_created as integer) as partner_new_business_created,
    cast(sourced_arr as decimal(18, 2)) as sourced_arr,
    cast(influenced_arr as decimal(18, 2)) as influenced_arr
from filled
order by quarter_start
