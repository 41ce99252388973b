-- A registration not yet matched to an account is placed by its company domain (intermediate.ops_registrations).
with opportunities as (
    select opportunity_id, account_id, reporting_motion, is_partner_touched, is_closed from intermediate.opportunities
),

opportunity_partners as (
    select distinct opportunity_id, partner_id from staging.opportunity_partners
),

accounts as (
    select account_id, name as account_name from staging.accounts
),

protections as (
    select
        registration_id, partner_id, resolved_account_id, opportunity_id, protection_start, protection_end,
        is_protection_running
    from intermediate.ops_registrations
    where has_protection and resolved_account_id is not null
),

open_opportunities as (
    select opportunity_id, account_id, reporting_motion, is_partner_touched
    from opportunities
    where not is_closed
),

open_with_partners as (
    select o.account_id, o.opportunity_id, o.reporting_motion, o.is_partner_touched, op.partner_id
    from open_opportunities as o
    left join opportunity_partners as op on op.opportunity_id = o.opportunity_id
),

motion_counts as (
    select account_id, reporting_motion, count(*) as opportunities
    from open_opportunities
    group by account_id, reporting_motion
),

-- e.g. '1 direct, 2 reseller'
account_motions as (
    select
        account_id,
        string_agg(format('{} {}', opportunities, reporting_motion), ', ' order by reporting_motion) as motions
    from motion_counts
    group by account_id
),

two_opportunities as (
    select
        'two_opportunities_one_account' as signal,
        w.account_id,
        count(distinct w.opportunity_id) as opportunity_count,
        list_sort(list(distinct w.opportunity_id)) as opportunity_ids,
        list_sort(list(distinct w.partner_id) filter (where w.partner_id is not null)) as partner_ids,
        any_value(m.motions) as motions
    from open_with_partners as w
    inner join account_motions as m on m.account_id = w.account_id
    group by w.account_id
    having count(distinct w.opportunity_id) >= 2
),

overlapping_pairs as (
    select
        a.resolved_account_id as account_id,
        a.registration_id as registration_a,
        b.registration_id as registration_b,
        a.partner_id as partner_a,
        b.partner_id as partner_b,
        a.opportunity_id as opportunity_a,
        b.opportunity_id as opportunity_b
    from protections as a
    inner join protections as b
        on b.resolved_account_id = a.resolved_account_id
        and b.partner_id <> a.partner_id
        and a.registration_id < b.registration_id
        and a.protection_start <= b.protection_end
        and b.protection_start <= a.protection_end
    where a.is_protection_running or b.is_protection_running
),

overlap_members as (
    select account_id, registration_a as registration_id from overlapping_pairs
    union
    select account_id, registration_b from overlapping_pairs
),

overlapping as (
    select
        'overlapping_protection' as signal,
        m.account_id,
        count(distinct p.partner_id) as partner_count,
        string_agg(
            format('{} by {} {} to {}', p.registration_id, p.partner_id, p.protection_start, p.protection_end),
            '; ' order by p.registration_id
        ) as windows,
        list_sort(list(distinct p.opportunity_id) filter (where p.opportunity_id is not null)) as opportunity_ids,
        list_sort(list(distinct p.partner_id)) as partner_ids
    from overlap_members as m
    inner join protections as p on p.registration_id = m.registration_id
    group by m.account_id
),

direct_vs_partner as (
    select
        'direct_vs_partner' as signal,
        account_id,
        list_sort(list(distinct opportunity_id) filter (where not is_partner_touched)) as direct_ids,
        list_sort(list(distinct opportunity_id) filter (where is_partner_touched)) as partner_opportunity_ids,
        list_sort(list(distinct opportunity_id)) as opportunity_ids,
        list_sort(list(distinct partner_id) filter (where partner_id is not null)) as partner_ids
    from open_with_partners
    where is_partner_touched or reporting_motion = 'direct'
    group by account_id
    having bool_or(not is_partner_touched and reporting_motion = 'direct') and bool_or(is_partner_touched)
),

signals as (
    select
        signal,
        account_id,
        format('{} open opportunities on the account: {}', opportunity_count, motions) as detail,
        opportunity_ids,
        partner_ids
    from two_opportunities
    union all
    select
        signal,
        account_id,
        format(
            '{} partners hold overlapping protections, at least one still running: {}',
            partner_count, windows
        ),
        opportunity_ids,
        partner_ids
    from overlapping
    union all
    select
        signal,
        account_id,
        format(
            'open direct {} {} beside open partner {} {}',
            case when len(direct_ids) = 1 then 'opportunity' else 'opportunities' end,
            array_to_string(direct_ids, ', '),
            case when len(partner_opportunity_ids) = 1 then 'opportunity' else 'opportunities' end,
            array_to_string(partner_opportunity_ids, ', ')
        ),
        opportunity_ids,
        partner_ids
    from direct_vs_partner
)

select
    s.signal,
    s.account_id,
    a.account_name,
    s.detail,
    cast(coalesce(s.opportunity_ids, []) as varchar[]) as opportunity_ids,
    cast(coalesce(s.partner_ids, []) as varchar[]) as partner_ids
from signals as s
left join accounts as a on a.account_id = s.account_id
order by s.signal, s.account_id
