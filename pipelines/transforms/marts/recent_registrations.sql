with registrations as (
    select registration_id, partner_id, partner_name, company_name, submitted_at, status, decision_hours, decision_sla_status
    from intermediate.ops_registrations
),

settings as (
    select
        cast(getvariable('snapshot_date') as date) as snapshot_date,
        -- The Monday of the snapshot's ISO week: "this week" starts there, not 6 days before the snapshot.
        cast(date_trunc('week', cast(getvariable('snapshot_date') as date)) as date) as week_start
)

select
    r.registration_id,
    r.partner_id,
    r.partner_name,
    r.company_name,
    r.submitted_at,
    r.status,
    coalesce(r.decision_hours, date_diff('second', r.submitted_at, s.snapshot_date + interval 1 day) / 3600.0) as age_hours,
    coalesce(r.decision_sla_status = 'missed', false) as is_overdue,
    r.submitted_at >= s.week_start as is_submitted_this_week
from registrations as r
cross join settings as s
where r.status = 'pending' or r.submitted_at >= s.week_start
order by r.submitted_at, r.registration_id
