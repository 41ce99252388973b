with registrations as (
    select partner_id, submitted_quarter, decision, decision_sla_status, decision_hours
    from intermediate.ops_registrations
),

partners as (
    select partner_id, partner_manager_email from staging.partners
),

by_partner_quarter as (
    select
        partner_id,
        submitted_quarter as fiscal_quarter,
        count(*) as submitted,
        count(*) filter (where decision <> 'undecided') as decided,
        count(*) filter (where decision = 'approved') as approved,
        count(*) filter (where decision = 'declined') as declined,
        count(*) filter (where decision = 'undecided') as undecided,
        count(*) filter (where decision_sla_status = 'met') as decided_within_48h,
        count(*) filter (where decision_sla_status = 'missed') as missed_48h,
        count(*) filter (where decision_sla_status = 'not_yet_due') as pending_within_sla,
        quantile_cont(decision_hours, 0.5) filter (where decision <> 'undecided') as median_decision_hours
    from registrations
    group by partner_id, submitted_quarter
)

select
    b.partner_id,
    p.partner_manager_email,
    b.fiscal_quarter,
    b.submitted,
    b.decided,
    b.approved,
    b.declined,
    b.undecided,
    b.decided_within_48h,
    b.missed_48h,
    b.pending_within_sla,
    b.decided_within_48h / nullif(b.decided_within_48h + b.missed_48h, 0) as decided_within_48h_share,
    b.approved / nullif(b.approved + b.declined, 0) as approval_rate,
    b.median_decision_hours
from by_partner_quarter as b
left join partners as p on p.partner_id = b.partner_id
order by b.fiscal_quarter, b.partner_id
