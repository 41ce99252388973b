-- sla_status(answered_at, due_at, cutoff_at): where an item stands against its SLA at the snapshot cut-off.
--   'met'         answered at or before due_at (the boundary is inclusive: answered exactly at due_at is met);
--   'missed'      answered after due_at, or unanswered and due_at already passed before the cut-off;
--   'not_yet_due' unanswered and still inside its window (due_at at or after the cut-off): its outcome is not
--                 known yet, so SLA shares leave it out of their denominator and report it as pending.
-- cutoff_at is the end of the snapshot day (snapshot_date + 1 day, 00:00): nothing at or after it is visible.
create or replace macro sla_status(answered_at, due_at, cutoff_at) as
    case
        when answered_at is not null and answered_at <= due_at then 'met'
        when answered_at is not null then 'missed'
        when due_at < cutoff_at then 'missed'
        else 'not_yet_due'
    end;
