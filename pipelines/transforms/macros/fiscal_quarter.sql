-- fiscal_quarter(ts, start_month): the fiscal quarter a date or timestamp falls in, as text like '2026-Q3'.
-- start_month is the first month of the fiscal year (pipeline.yaml fiscal.year_start_month, 1 = January).
-- A fiscal year is named after the calendar year in which it ends: with start_month 2, February 2026 to
-- January 2027 is fiscal 2027, so 2026-02-01 is '2027-Q1' and 2026-01-31 is '2026-Q4'. With start_month 1
-- the fiscal year is the calendar year. Null in, null out.
create or replace macro fiscal_quarter(ts, start_month) as
    cast(year(ts) + case when start_month > 1 and month(ts) >= start_month then 1 else 0 end as varchar)
    || '-Q'
    || cast((month(ts) - start_month + 12) % 12 // 3 + 1 as varchar);
