with settings as (
    select snapshot_date from intermediate.week_ago_snapshot
),

-- The previous week's snapshot: the newest landed at least 7 days before this one.
week_ago as (
    select week_ago_snapshot_date as snapshot_date from intermediate.week_ago_snapshot
),

deals_now as (
    select opportunity_id, name, stage, arr, is_closed, is_won, close_date
    from staging.opportunities
),

deals_before as (
    select o.opportunity_id, o.is_closed, o.close_date
    from staging.opportunities_as_of as o
    inner join week_ago as w on w.snapshot_date = o.snapshot_date
),

compared as (
    select
        n.*,
        b.opportunity_id is not null as existed_before,
        b.is_closed as was_closed,
        b.close_date as previous_close_date
    from deals_now as n
    cross join week_ago as w
    left join deals_before as b on b.opportunity_id = n.opportunity_id
    where w.snapshot_date is not null
),

changes as (
    select opportunity_id, 'new' as change from compared where not existed_before
    union all
    select opportunity_id, 'won' from compared where is_won and not coalesce(was_closed, false)
    union all
    select opportunity_id, 'lost' from compared where is_closed and not is_won and not coalesce(was_closed, false)
    union all
    select opportunity_id, 'slipped' from compared
    where not is_closed and existed_before and not was_closed and close_date > previous_close_date
),

partner_rows as (
    select distinct opportunity_id, partner_id
    from staging.opportunity_partners
),

roster as (
    select partner_id, name as partner_name
    from marts.partner_roster
)

select
    s.snapshot_date,
    w.snapshot_date as previous_snapshot_date,
    c.opportunity_id,
    d.name as opportunity_name,
    p.partner_id,
    r.partner_name,
    c.change,
    d.stage,
    d.arr,
    d.close_date,
    d.previous_close_date
from changes as c
inner join compared as d on d.opportunity_id = c.opportunity_id
inner join partner_rows as p on p.opportunity_id = c.opportunity_id
inner join roster as r on r.partner_id = p.partner_id
cross join settings as s
cross join week_ago as w
order by c.change, d.arr desc, c.opportunity_id, p.partner_id
