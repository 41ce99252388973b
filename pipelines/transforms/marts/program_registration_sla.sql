with partner_sla as (
    select fiscal_quarter, submitted, decided, decided_within_48h, missed_48h, approved, declined, median_decision_hours
    from marts.registration_sla
)

select
    fiscal_quarter,
    sum(submitted) as submitted,
    sum(decided) as decided,
    sum(decided_within_48h) as decided_within_48h,
    sum(missed_48h) as missed_48h,
    sum(approved) as approved,
    sum(declined) as declined,
    median(median_decision_hours) as median_decision_hours
from partner_sla
group by fiscal_quarter
order by fiscal_quarter
