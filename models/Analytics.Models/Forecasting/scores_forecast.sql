-- scores.forecast: the partner pipeline forecast of the current fiscal quarter and its back-test on previous quarters.
-- Grain: one row per (fiscal_quarter, motion, kind); motion 'all' sums the motions. Money in the reporting currency,
-- errors in percent. Filled by PipelineForecaster.Score through the appender.
create schema if not exists scores;

create or replace table scores.forecast (
    fiscal_quarter varchar not null,
    motion varchar not null,
    kind varchar not null,
    forecast_snapshot_date date,
    days_left integer,
    outcomes_known_by date,
    training_observations bigint not null,
    open_deals bigint not null,
    won_to_date_arr decimal(18, 2) not null,
    open_pipeline_arr decimal(18, 2) not null,
    expected_from_open_arr decimal(18, 2) not null,
    expected_from_new_arr decimal(18, 2) not null,
    forecast_arr decimal(18, 2),
    actual_arr decimal(18, 2),
    abs_pct_error double,
    naive_arr decimal(18, 2),
    naive_abs_pct_error double,
    note varchar,
    model_version varchar not null,
    scored_at timestamp not null
);
