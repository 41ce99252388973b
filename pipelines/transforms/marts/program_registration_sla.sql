-- marts.program_registration_sla: deal registrations submitted per fiscal quarter over every partner and their
-- 48-hour decision SLA (marts.registration_sla summed over partners). median_decision_hours is the median over the
-- partners of each partner's median decision time (what the program pack has always printed), not the median over
-- all registrations.
-- Grain: one row per fiscal_quarter with at least one registration submitted.
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
