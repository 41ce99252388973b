with program as (
    select fiscal_quarter, quarter_start, sourced_arr, influenced_arr
    from marts.program_quarterly
),

win_rates as (
    select fiscal_quarter, won, lost, mix_adjusted_delta_pp
    from marts.win_rates
    where motion not in ('direct', 'unspecified')
      and mix_adjusted_delta_pp is not null
),

mix as (
    select
        fiscal_quarter,
        sum(mix_adjusted_delta_pp * (won + lost)) / nullif(sum(won + lost), 0) as partner_mix_adjusted_delta_pp
    from win_rates
    group by fiscal_quarter
),

with_previous as (
    select
        fiscal_quarter,
        quarter_start,
        cast(sourced_arr as double) as sourced_arr,
        cast(influenced_arr as double) as influenced_arr,
        cast(lag(sourced_arr) over (order by quarter_start) as double) as previous_sourced_arr,
        cast(lag(influenced_arr) over (order by quarter_start) as double) as previous_influenced_arr
    from program
)

select
    p.fiscal_quarter,
    case when p.previous_sourced_arr > 0 then p.sourced_arr / p.previous_sourced_arr - 1 end as sourced_arr_qoq_change,
    case when p.previous_influenced_arr > 0 then p.influenced_arr / p.previous_influenced_arr - 1 end as influenced_arr_qoq_change,
    m.partner_mix_adjusted_delta_pp
from with_previous as p
left join mix as m on m.fiscal_quarter = p.fiscal_quarter
order by p.quarter_start
