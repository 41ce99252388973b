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
