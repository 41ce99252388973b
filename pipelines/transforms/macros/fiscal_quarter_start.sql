-- fiscal_quarter_start(ts, start_month): the first day of the fiscal quarter ts falls in (a DATE).
-- fiscal_quarter_end(ts, start_month): the first day of the next fiscal quarter (exclusive end).
create or replace macro fiscal_quarter_start(ts, start_month) as
    cast(date_trunc('month', ts) - to_months(cast((month(ts) - start_month + 12) % 3 as integer)) as date);

create or replace macro fiscal_quarter_end(ts, start_month) as
    cast(fiscal_quarter_start(ts, start_month) + interval 3 month as date);
