-- Joined on once here, so every mart reads the same segment, motion, fiscal quarters, cycle time and ARR band.
with opportunities as (
    select * from staging.opportunities
),

accounts as (
    select account_id, segment, region from staging.accounts
),

partner_rows as (
    select
        opportunity_id,
        count(*) as partner_count,
        count(*) filter (where attribution = 'sourced') as sourced_partner_count,
        count(*) filter (where attribution = 'influenced') as influenced_partner_count,
        bool_or(role = 'services') as has_services_partner
    from staging.opportunity_partners
    group by opportunity_id
),

settings as (
    select
        cast(getvariable('fiscal_year_start_month') as integer) as start_month,
        cast(getvariable('snapshot_date') as date) as snapshot_date
),

enriched as (
    select
        o.opportunity_id,
        o.account_id,
        a.segment,
        a.region,
        o.opportunity_type,
        o.motion,
        coalesce(o.motion, 'unspecified') as reporting_motion,
        coalesce(p.partner_count, 0) > 0 as is_partner_touched,
        coalesce(p.partner_count, 0) as partner_count,
        coalesce(p.sourced_partner_count, 0) > 0 as is_partner_sourced,
        coalesce(p.has_services_partner, false) as has_services_partner,
        o.deal_registration_id is not null as is_registered,
        o.stage,
        o.stage_index,
        o.is_closed,
        o.is_won,
        case when not o.is_closed then 'open' when o.is_won then 'won' else 'lost' end as outcome,
        o.arr,
        case
            when o.arr < 5000 then '1: under 5k'
            when o.arr < 15000 then '2: 5k-15k'
            when o.arr < 50000 then '3: 15k-50k'
            when o.arr < 150000 then '4: 50k-150k'
            else '5: 150k and over'
        end as arr_band,
        o.created_at,
        o.close_date,
        o.closed_at,
        fiscal_quarter(o.created_at, s.start_month) as created_quarter,
        fiscal_quarter(o.closed_at, s.start_month) as closed_quarter,
        fiscal_quarter(o.close_date, s.start_month) as close_date_quarter,
        case when o.is_closed then days_between(o.created_at, o.closed_at) end as cycle_days,
        o.owner_email,
        o.next_step,
        o.next_step_updated_at,
        o.last_activity_at,
        o.deal_registration_id,
        o.conflict_status,
        o.lost_reason,
        o.snapshot_date
    from opportunities as o
    cross join settings as s
    left join accounts as a on a.account_id = o.account_id
    left join partner_rows as p on p.opportunity_id = o.opportunity_id
)

select * from enriched
