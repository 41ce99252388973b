-- The third rule looks only at wins before this deal closed (before the end of the snapshot day while it is
-- open), so a later win does not make an earlier renewal partner-assisted.
with settings as (
    select cast(getvariable('snapshot_date') as timestamp) + interval 1 day as snapshot_end
),

opportunities as (
    select
        opportunity_id,
        account_id,
        opportunity_type,
        reporting_motion,
        is_partner_touched,
        is_closed,
        is_won,
        outcome,
        arr,
        closed_at,
        closed_quarter
    from intermediate.opportunities
),

accounts as (
    select account_id, incumbent_partner_id from staging.accounts
),

partner_wins as (
    select account_id, closed_at
    from opportunities
    where is_won
      and is_partner_touched
),

account_deals as (
    select
        o.opportunity_id,
        o.account_id,
        o.opportunity_type,
        o.reporting_motion,
        o.is_partner_touched,
        o.is_closed,
        o.is_won,
        o.outcome,
        o.arr,
        o.closed_at,
        o.closed_quarter,
        a.incumbent_partner_id,
        exists (
            select 1
            from partner_wins as w
            where w.account_id = o.account_id
              and w.closed_at < coalesce(o.closed_at, s.snapshot_end)
        ) as has_earlier_partner_win
    from opportunities as o
    cross join settings as s
    left join accounts as a on a.account_id = o.account_id
    where o.opportunity_type in ('renewal', 'expansion')
)

select
    opportunity_id,
    account_id,
    opportunity_type,
    reporting_motion,
    is_closed,
    is_won,
    outcome,
    arr,
    closed_at,
    closed_quarter,
    incumbent_partner_id,
    is_partner_touched,
    has_earlier_partner_win,
    incumbent_partner_id is not null or is_partner_touched or has_earlier_partner_win as is_partner_assisted,
    case
        when incumbent_partner_id is not null then 'incumbent_partner'
        when is_partner_touched then 'partner_on_deal'
        when has_earlier_partner_win then 'earlier_partner_win'
    end as assist_reason
from account_deals
