-- intermediate.revenue_closed_deals: the closed new_business deals every motion comparison reads (win rates, cycle
-- times, mix cells, registered vs unregistered): the revenue marts' scope rule written once (marts README "Revenue":
-- renewals win ~90 % and would distort the motion comparison).
-- Grain: one row per opportunity_id.
select
    opportunity_id,
    reporting_motion,
    closed_quarter,
    segment,
    arr_band,
    is_partner_touched,
    is_registered,
    is_won,
    arr,
    cycle_days
from intermediate.opportunities
where opportunity_type = 'new_business'
  and is_closed
