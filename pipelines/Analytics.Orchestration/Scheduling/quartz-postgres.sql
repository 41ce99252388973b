-- The tables Quartz.NET 4.7's PostgreSQL job store reads and writes, under the table prefix qrtz_.
--
-- Ours rather than Quartz's: the scheduler runs with SchemaProvisioning.Validate, so it never creates or
-- alters tables itself; QuartzSchema.CreateAsync runs this file in one transaction. Every statement only
-- creates what is missing and nothing is ever dropped, so running it again is harmless. It does not upgrade:
-- a table made by an older Quartz that lacks a column keeps lacking it (Quartz's startup check then names
-- the migration script to run).
--
-- Names, types and indexes match what Quartz 4.7 itself would create (AdoJobStore's create_postgres.sql),
-- so Quartz's own migration scripts for later releases apply to this schema unchanged. Times are stored as
-- .NET ticks (bigint, UTC), flags as booleans, job data and calendars as bytea written by the store's
-- serializer. Every table is keyed by sched_name first: one database can hold several scheduler names, and
-- the clustered nodes of one scheduler share its rows.

-- Serializes the schema's creation when several processes start at once: create table if not exists
-- is not safe against a concurrent create of the same table.
select pg_advisory_xact_lock(hashtext('analytics.quartz-postgres.sql'));

-- Jobs: what to run (the job's CLR type name) and how (durable, concurrency, recovery), with its job data.
create table if not exists qrtz_job_details (
    sched_name text not null,
    job_name text not null,
    job_group text not null,
    description text null,
    job_class_name text not null,
    is_durable bool not null,
    is_nonconcurrent bool not null,
    is_update_data bool not null,
    requests_recovery bool not null,
    job_data bytea null,
    primary key (sched_name, job_name, job_group)
);

-- Triggers: when a job runs next. One row per trigger with its state (WAITING, ACQUIRED, PAUSED, BLOCKED,
-- ...), next and previous fire time and misfire instruction; the schedule itself (cron, simple, ...) is
-- in one of the *_triggers tables below, keyed the same way. Later 4.x columns: execution group and
-- preferred node (which nodes may fire it), retry policy, continuations (fire after another trigger's job),
-- overlap policy, pause reason, a per-trigger misfire threshold and fixed-delay repeats.
create table if not exists qrtz_triggers (
    sched_name text not null,
    trigger_name text not null,
    trigger_group text not null,
    job_name text not null,
    job_group text not null,
    description text null,
    next_fire_time bigint null,
    prev_fire_time bigint null,
    priority integer null,
    trigger_state text not null,
    trigger_type text not null,
    start_time bigint not null,
    end_time bigint null,
    calendar_name text null,
    misfire_instr smallint null,
    misfire_orig_fire_time bigint null,
    execution_group varchar(200) null,
    preferred_node varchar(200) null,
    preferred_node_auto bool not null default false,
    retry_policy varchar(250) null,
    retry_attempt integer null,
    continues_trigger_name text null,
    continues_trigger_group text null,
    continuation_condition integer null,
    overlap_policy integer null,
    pause_reason varchar(250) null,
    paused_by varchar(200) null,
    paused_at bigint null,
    misfire_threshold bigint null,
    fixed_delay bool null,
    job_data bytea null,
    primary key (sched_name, trigger_name, trigger_group),
    foreign key (sched_name, job_name, job_group)
        references qrtz_job_details (sched_name, job_name, job_group)
);

-- Simple triggers: fire every repeat_interval (ticks), repeat_count times (-1: forever).
create table if not exists qrtz_simple_triggers (
    sched_name text not null,
    trigger_name text not null,
    trigger_group text not null,
    repeat_count bigint not null,
    repeat_interval bigint not null,
    times_triggered bigint not null,
    primary key (sched_name, trigger_name, trigger_group),
    foreign key (sched_name, trigger_name, trigger_group)
        references qrtz_triggers (sched_name, trigger_name, trigger_group) on delete cascade
);

-- Cron triggers: the cron expression and the id of the time zone it is read in.
create table if not exists qrtz_cron_triggers (
    sched_name text not null,
    trigger_name text not null,
    trigger_group text not null,
    cron_expression text not null,
    time_zone_id text null,
    primary key (sched_name, trigger_name, trigger_group),
    foreign key (sched_name, trigger_name, trigger_group)
        references qrtz_triggers (sched_name, trigger_name, trigger_group) on delete cascade
);

-- Property triggers: calendar-interval, daily-time-interval and recurrence schedules, stored as generic
-- typed properties whose meaning depends on qrtz_triggers.trigger_type.
create table if not exists qrtz_simprop_triggers (
    sched_name text not null,
    trigger_name text not null,
    trigger_group text not null,
    str_prop_1 text null,
    str_prop_2 text null,
    str_prop_3 text null,
    int_prop_1 integer null,
    int_prop_2 integer null,
    long_prop_1 bigint null,
    long_prop_2 bigint null,
    dec_prop_1 numeric null,
    dec_prop_2 numeric null,
    bool_prop_1 bool null,
    bool_prop_2 bool null,
    time_zone_id text null,
    primary key (sched_name, trigger_name, trigger_group),
    foreign key (sched_name, trigger_name, trigger_group)
        references qrtz_triggers (sched_name, trigger_name, trigger_group) on delete cascade
);

-- Blob triggers: any other trigger type, serialized whole.
create table if not exists qrtz_blob_triggers (
    sched_name text not null,
    trigger_name text not null,
    trigger_group text not null,
    blob_data bytea null,
    primary key (sched_name, trigger_name, trigger_group),
    foreign key (sched_name, trigger_name, trigger_group)
        references qrtz_triggers (sched_name, trigger_name, trigger_group) on delete cascade
);

-- Calendars: serialized exclusion calendars (holidays, blackout hours) that triggers name.
create table if not exists qrtz_calendars (
    sched_name text not null,
    calendar_name text not null,
    calendar bytea not null,
    primary key (sched_name, calendar_name)
);

-- Paused trigger groups, so a trigger added to a paused group later starts paused; who paused it and why.
create table if not exists qrtz_paused_trigger_grps (
    sched_name text not null,
    trigger_group text not null,
    pause_reason varchar(250) null,
    paused_by varchar(200) null,
    paused_at bigint null,
    primary key (sched_name, trigger_group)
);

-- Paused job groups, the same for jobs.
create table if not exists qrtz_paused_job_grps (
    sched_name text not null,
    job_group text not null,
    pause_reason varchar(250) null,
    paused_by varchar(200) null,
    paused_at bigint null,
    primary key (sched_name, job_group)
);

-- Fired triggers: one row per firing a node has acquired or is executing (entry_id is the fire instance
-- id), with the node's instance_name. This is what makes a firing run once across a cluster and what a
-- surviving node recovers when the node that held it stops checking in.
create table if not exists qrtz_fired_triggers (
    sched_name text not null,
    entry_id text not null,
    trigger_name text not null,
    trigger_group text not null,
    instance_name text not null,
    fired_time bigint not null,
    sched_time bigint not null,
    priority integer not null,
    state text not null,
    job_name text null,
    job_group text null,
    is_nonconcurrent bool not null,
    requests_recovery bool null,
    execution_group varchar(200) null,
    progress integer null,
    progress_message varchar(250) null,
    interrupt_requested_time bigint null,
    primary key (sched_name, entry_id)
);

-- Cluster membership: each node's last check-in and check-in interval (and its Quartz version); a node
-- whose check-in is overdue is declared dead and its fired triggers are recovered by the others.
create table if not exists qrtz_scheduler_state (
    sched_name text not null,
    instance_name text not null,
    last_checkin_time bigint not null,
    checkin_interval bigint not null,
    quartz_version varchar(20) null,
    primary key (sched_name, instance_name)
);

-- Lock rows (TRIGGER_ACCESS, STATE_ACCESS): clustered nodes row-lock them to take turns acquiring and
-- firing triggers and running cluster recovery. Quartz inserts the rows it needs on first use.
create table if not exists qrtz_locks (
    sched_name text not null,
    lock_name text not null,
    primary key (sched_name, lock_name)
);

-- The three tables below are read and written only when the store is configured with
-- UseExecutionHistory(); startup validation skips them otherwise. They are created anyway so that turning
-- the history on later needs no migration.

-- Execution history: one row per job execution on any node (outcome, run time, error, captured log).
create table if not exists qrtz_execution_history (
    sched_name text not null,
    entry_id text not null,
    instance_name text not null,
    job_name text not null,
    job_group text not null,
    trigger_name text not null,
    trigger_group text not null,
    fired_time bigint not null,
    run_time bigint not null,
    succeeded bool not null,
    error_message text null,
    retry_attempt integer not null default 0,
    retry_scheduled bool not null default false,
    execution_log text null,
    result integer null,
    summary text null,
    metrics text null,
    manual bool null,
    fire_instance_id text null,
    job_input text null,
    job_input_too_large bool null,
    primary key (sched_name, entry_id)
);

-- Misfire history: one row per misfire a node handled, with the fire time missed and why.
create table if not exists qrtz_misfire_history (
    sched_name text not null,
    entry_id text not null,
    instance_name text not null,
    trigger_name text not null,
    trigger_group text not null,
    job_name text null,
    job_group text null,
    misfire_time bigint not null,
    sched_time bigint null,
    reason integer null,
    primary key (sched_name, entry_id)
);

-- Job status: per job, its first and last run, last outcome and running success and failure counts.
create table if not exists qrtz_job_status (
    sched_name text not null,
    job_group text not null,
    job_name text not null,
    first_fired_time bigint not null,
    last_fired_time bigint not null,
    last_result integer not null,
    last_run_time bigint not null,
    last_instance_name text not null,
    last_entry_id text null,
    last_summary text null,
    last_success_time bigint null,
    last_failure_time bigint null,
    last_failure_message text null,
    consecutive_failures integer not null default 0,
    run_count bigint not null default 0,
    failure_count bigint not null default 0,
    primary key (sched_name, job_group, job_name)
);

-- Indexes, named as Quartz names them so that its migration scripts find them.

-- Jobs of a group (GetJobKeys with a group matcher).
create index if not exists idx_qrtz_j_g_n on qrtz_job_details (sched_name, job_group, job_name);
-- Triggers of a job, of a group and of a calendar.
create index if not exists idx_qrtz_t_j on qrtz_triggers (sched_name, job_name, job_group);
create index if not exists idx_qrtz_t_g_n on qrtz_triggers (sched_name, trigger_group, trigger_name);
create index if not exists idx_qrtz_t_c on qrtz_triggers (sched_name, calendar_name);
-- The acquisition query: waiting triggers due next, highest priority first; also the misfire scan.
create index if not exists idx_qrtz_t_nft_st
    on qrtz_triggers (sched_name, trigger_state, next_fire_time asc, priority desc, misfire_instr);
-- Cluster recovery: the firings of a dead node that ask to be recovered.
create index if not exists idx_qrtz_ft_inst_job_req_rcvry
    on qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
-- Firings of a job (non-concurrent jobs are blocked while one is running) and of a trigger.
create index if not exists idx_qrtz_ft_j_g on qrtz_fired_triggers (sched_name, job_name, job_group);
create index if not exists idx_qrtz_ft_t_g on qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
-- History: by time (retention and listing), by node, by job, by trigger and by fire instance.
create index if not exists idx_qrtz_eh_fired_time on qrtz_execution_history (sched_name, fired_time);
create index if not exists idx_qrtz_eh_inst on qrtz_execution_history (sched_name, instance_name);
create index if not exists idx_qrtz_eh_job_time
    on qrtz_execution_history (sched_name, job_group, job_name, fired_time);
create index if not exists idx_qrtz_eh_trig_time
    on qrtz_execution_history (sched_name, trigger_group, trigger_name, fired_time);
create index if not exists idx_qrtz_eh_fire_inst on qrtz_execution_history (sched_name, fire_instance_id);
create index if not exists idx_qrtz_mh_misfire_time on qrtz_misfire_history (sched_name, misfire_time);
create index if not exists idx_qrtz_mh_inst on qrtz_misfire_history (sched_name, instance_name);
