-- Zero-filled over intermediate.fiscal_quarters, so a quarter with nothing closed still has its row.
with quarters as (
    select fiscal_quarter, quarter_start
    from intermediate.fiscal_quarters
),

won_opportunities as (
    select closed_quarter, has_services_partner, arr
    from intermediate.opportunities
    where is_won
),

account_deals as (
    select opportunity_type, is_partner_assisted, is_won, arr, closed_quarter
    from intermediate.revenue_account_deals
    where is_closed
),

attach as (
    select
        closed_quarter as fiscal_quarter,
        count(*) as won_deals,
        count(*) filter (where has_services_partner) as services_attached_won_deals,
        sum(arr) filter (where has_services_partner) as services_attached_won_arr
    from won_opportunities
    group by closed_quarter
),

renewals_and_expansions as (
    select
        closed_quarter as fiscal_quarter,
        count(*) filter (where opportunity_type = 'renewal' and is_partner_assisted and is_won) as assisted_renewals_won,
        count(*) filter (where opportunity_type = 'renewal' and is_partner_assisted and not is_won) as assisted_renewals_lost,
        count(*) filter (where opportunity_type = 'renewal' and not is_partner_assisted and is_won) as other_renewals_won,
        count(*) filter (where opportunity_type = 'renewal' and not is_partner_assisted and not is_won) as other_renewals_lost,
        count(*) filter (where opportunity_type = 'expansion' and is_partner_assisted and is_won) as assisted_expansions_won,
        count(*) filter (where opportunity_type = 'expansion' and not is_partner_assisted and is_won) as other_expansions_won,
        sum(arr) filter (where opportunity_type = 'expansion' and is_partner_assisted and is_won) as assisted_expansion_won_arr,
        sum(arr) filter (where opportunity_type = 'expansion' and not is_partner_assisted and is_won) as other_expansion_won_arr
    from account_deals
    group by closed_quarter
),

filled as (
    select
        q.fiscal_quarter,
        q.quarter_start,
        coalesce(a.won_deals, 0) as won_deals,
        coalesce(a.services_attached_won_deals, 0) as services_attached_won_deals,
        coalesce(a.services_attached_won_arr, 0) as services_attached_won_arr,
        coalesce(r.assisted_renewals_won, 0) as assisted_renewals_won,
        coalesce(r.assisted_renewals_lost, 0) as assisted_renewals_lost,
        coalesce(r.other_renewals_won, 0) as other_renewals_won,
        coalesce(r.other_renewals_lost, 0) as other_renewals_lost,
        coalesce(r.assisted_expansions_won, 0) as assisted_expansions_won,
        coalesce(r.other_expansions_won, 0) as other_expansions_won,
        coalesce(r.assisted_expansion_won_arr, 0) as assisted_expansion_won_arr,
        coalesce(r.other_expansion_won_arr, 0) as other_expansion_won_arr
    from quarters as q
    left join attach as a on a.fiscal_quarter = q.fiscal_quarter
    left join renewals_and_expansions as r on r.fiscal_quarter = q.fiscal_quarter
)

select
    fiscal_quarter,
    cast(won_deals as integer) as won_deals,
    cast(services_attached_won_deals as integer) as services_attached_won_deals,
    services_attached_won_deals / nullif(won_deals, 0) as services_attach_share,
    cast(services_attached_won_arr as decimal(18, 2)) as services_attached_won_arr,
    cast(assisted_renewals_won as integer) as partner_assisted_renewals_won,
    cast(assisted_renewals_lost as integer) as partner_assisted_renewals_lost,
    assisted_renewals_won / nullif(assisted_renewals_won + assisted_renewals_lost, 0) as partner_assisted_renewal_rate,
    cast(other_renewals_won as integer) as other_renewals_won,
    cast(other_renewals_lost as integer) as other_renewals_lost,
    other_renewals_won / nullif(other_renewals_won + other_renewals_lost, 0) as other_renewal_rate,
    cast(assisted_expansions_won as integer) as partner_assisted_expansions_won,
    cast(assisted_expansion_won_arr as decimal(18, 2)) as partner_assisted_expansion_won_arr,
    cast(other_expansions_won as integer) as other_expansions_won,
    cast(other_expansion_won_arr as decimal(18, 2)) as other_expansion_won_arr
from filled
order by quarter_start
