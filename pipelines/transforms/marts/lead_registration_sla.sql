-- The segment comes from intermediate.ops_leads.
with leads as (
    select
        partner_id, segment, submitted_quarter, status, first_response_hours, response_sla_status, meeting_sla_status
    from intermediate.ops_leads
),

by_group as (
    select
        partner_id,
        segment,
        submitted_quarter as fiscal_quarter,
        count(*) as submitted,
        count(*) filter (where response_sla_status = 'met') as responded_within_24h,
        count(*) filter (where response_sla_status = 'missed') as response_missed_24h,
        count(*) filter (where response_sla_status = 'not_yet_due') as pending_response_within_sla,
        count(*) filter (where meeting_sla_status = 'met') as meeting_within_14d,
        count(*) filter (where meeting_sla_status = 'missed') as meeting_missed_14d,
        count(*) filter (where meeting_sla_status = 'not_yet_due') as pending_meeting_within_sla,
        count(*) filter (where status = 'approved') as approved,
        count(*) filter (where status = 'declined') as declined,
        count(*) filter (where status = 'pending') as pending,
        quantile_cont(first_response_hours, 0.5) as median_first_response_hours
    from leads
    group by partner_id, segment, submitted_quarter
)

select
    partner_id,
    segment,
    fiscal_quarter,
    submitted,
    responded_within_24h,
    response_missed_24h,
    pending_response_within_sla,
    responded_within_24h / nullif(responded_within_24h + response_missed_24h, 0) as responded_within_24h_share,
    meeting_within_14d,
    meeting_missed_14d,
    pending_meeting_within_sla,
    meeting_within_14d / nullif(meeting_within_14d + meeting_missed_14d, 0) as meeting_within_14d_share,
    approved,
    declined,
    pending,
    approved / nullif(approved + declined, 0) as approval_rate,
    median_first_response_hours
from by_group
order by fiscal_quarter, partner_id, segment
