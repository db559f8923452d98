-- The metrics of SPEC.md §3 in DuckDB SQL, in every scope: overall, by queue,
-- by day. A second, independent implementation that Benchmarks/compare.sh
-- times against `hotline report` and compares with its JSON, metric by metric.
--
-- Input, prepared by report.py:
--   calls_csv    (file_no, <every call log column, as text>)
--   contacts_csv (file_no, <every contact log column, as text>)
--     file_no numbers the files of each log in the order given; rows come in
--     file order (DuckDB preserves insertion order): together they give a
--     contact's input order for the first-contact tie-break.
--   variables tz, sl_threshold_s (T), short_abandon_s (A)  (SET VARIABLE).
-- Output: one row per scope: scope ('overall', 'queue' or 'day'), name (the
-- queue, the day as YYYY-MM-DD, '' overall), then every metric of §3 as a
-- column named by its JSON key, in the order of the SPEC's table.
--
-- Every row is assumed valid (SPEC §2.1): nothing is rejected here. The
-- generated benchmark data has no invalid row, and compare.sh checks that
-- `hotline report` rejected none.

-- A ratio whose denominator is 0 is null (§3); so is a mean over no value.
CREATE TEMP MACRO ratio(numerator, denominator) AS
    CASE WHEN denominator <> 0 THEN CAST(numerator AS DOUBLE) / denominator END;

-- Rank of the nearest-rank p-th percentile of n values: ⌈p·n/100⌉ (§3), in
-- integers.
CREATE TEMP MACRO nearest_rank(p, n) AS (p * n + 99) // 100;

-- The scope of a row of a GROUP BY GROUPING SETS ((), (queue, …), (day, …)).
CREATE TEMP MACRO scope_of(queue_grouped, day_grouped) AS
    CASE WHEN queue_grouped = 0 THEN 'queue' WHEN day_grouped = 0 THEN 'day' ELSE 'overall' END;
CREATE TEMP MACRO scope_name(queue_grouped, day_grouped, queue, day) AS
    CASE WHEN queue_grouped = 0 THEN queue WHEN day_grouped = 0 THEN CAST(day AS VARCHAR) ELSE '' END;

-- Typed rows. Timestamps carry a `Z` or `±hh:mm` offset: cast to an instant,
-- then to the local date in the report's time zone for by_day (§3 Scopes).
CREATE TEMP TABLE calls AS
SELECT queue,
       CAST(timezone(getvariable('tz'), CAST(arrived_at AS TIMESTAMPTZ)) AS DATE) AS day,
       nullif(customer_id, '') AS customer,         -- empty: anonymous (§2.1)
       outcome,
       CAST(wait_s AS BIGINT) AS wait_s,
       CAST(talk_s AS BIGINT) AS talk_s
FROM calls_csv;

CREATE TEMP TABLE contacts AS
SELECT case_id, contact_id, queue, channel, result,
       CAST(level AS INTEGER) AS level,
       CAST(epoch(CAST(started_at AS TIMESTAMPTZ)) AS BIGINT) AS started_s,   -- the instant, in seconds
       CAST(timezone(getvariable('tz'), CAST(started_at AS TIMESTAMPTZ)) AS DATE) AS day,
       file_no
FROM contacts_csv;

-- Call metrics, counted over the call rows of each scope.
CREATE TEMP TABLE call_totals AS
SELECT scope_of(GROUPING(queue), GROUPING(day)) AS scope,
       scope_name(GROUPING(queue), GROUPING(day), queue, day) AS name,
       count(*) AS attempts,
       count_if(outcome = 'answered') AS answered,
       count_if(outcome = 'abandoned') AS abandoned,
       count_if(outcome = 'abandoned' AND wait_s < getvariable('short_abandon_s')) AS short_abandoned,
       count_if(outcome = 'timeout') AS timeout,
       count_if(outcome = 'busy') AS busy,
       count_if(outcome = 'closed') AS closed,
       count_if(outcome = 'answered' AND wait_s <= getvariable('sl_threshold_s')) AS answered_within,
       sum(wait_s) FILTER (WHERE outcome = 'answered') AS answered_wait_s,      -- HUGEINT: exact sums
       sum(talk_s) FILTER (WHERE outcome = 'answered') AS answered_talk_s,
       sum(wait_s) FILTER (WHERE outcome = 'abandoned') AS abandoned_wait_s,
       count_if(customer IS NULL) AS anonymous_attempts
FROM calls
GROUP BY GROUPING SETS ((), (queue), (day));

-- Customer metrics: one row per (scope, customer), anonymous callers left
-- out; a customer who called on two days counts on each day (§3 Scopes).
CREATE TEMP TABLE customer_visits AS
SELECT scope_of(GROUPING(queue), GROUPING(day)) AS scope,
       scope_name(GROUPING(queue), GROUPING(day), queue, day) AS name,
       customer,
       count(*) AS attempts,
       bool_or(outcome = 'answered') AS reached
FROM calls
WHERE customer IS NOT NULL
GROUP BY GROUPING SETS ((customer), (queue, customer), (day, customer));

CREATE TEMP TABLE customer_totals AS
SELECT scope, name,
       count(*) AS customers,
       count_if(reached) AS customers_reached,
       count_if(attempts >= 2) AS repeat_callers,
       max(attempts) AS attempts_per_customer_max
FROM customer_visits
GROUP BY scope, name;

-- Contact metrics other than case metrics: the contact rows of each scope.
CREATE TEMP TABLE contact_totals AS
SELECT scope_of(GROUPING(queue), GROUPING(day)) AS scope,
       scope_name(GROUPING(queue), GROUPING(day), queue, day) AS name,
       count(*) AS contacts,
       count_if(result IN ('resolved', 'progressed', 'escalated')) AS useful_contacts,
       count_if(result IN ('resolved', 'progressed', 'escalated')
                AND channel IN ('phone', 'callback')) AS useful_voice_contacts,
       count_if(result = 'escalated') AS escalated_contacts
FROM contacts
GROUP BY GROUPING SETS ((), (queue), (day));

-- Cases, each over all its contacts in the input. The first contact is the
-- earliest started_at instant, ties broken by the smaller contact_id in byte
-- order (DuckDB compares strings by their UTF-8 bytes), then by input order:
-- file, then row (rowid follows insertion, that is file order).
CREATE TEMP TABLE cases AS
WITH by_case AS (
    SELECT case_id,
           arg_min({queue: queue, day: day, level: level, result: result, started_s: started_s},
                   (started_s, contact_id, file_no, rowid)) AS first,
           count(*) AS contacts,
           max(level) AS highest_level,
           min(started_s) FILTER (WHERE level >= 2) AS first_above_1_s,
           min(started_s) FILTER (WHERE level >= 3) AS first_above_2_s
    FROM contacts
    GROUP BY case_id)
SELECT first.queue AS queue,
       first.day AS day,
       contacts,
       highest_level > first.level AS escalated,
       highest_level = 3 AS reached_level_3,
       first.result = 'resolved' AND contacts = 1 AS resolved_first,
       -- From the first contact to the earliest contact at a level above the
       -- first contact's (levels are 1..3); null when the case never escalated.
       CASE first.level WHEN 1 THEN first_above_1_s WHEN 2 THEN first_above_2_s END
           - first.started_s AS time_to_escalation_s
FROM by_case;

-- Case metrics: each case counted once, in the queue and on the day of its
-- first contact (§3 Scopes).
CREATE TEMP TABLE case_totals AS
SELECT scope_of(GROUPING(queue), GROUPING(day)) AS scope,
       scope_name(GROUPING(queue), GROUPING(day), queue, day) AS name,
       count(*) AS cases,
       count_if(escalated) AS cases_escalated,
       count_if(reached_level_3) AS cases_reaching_level_3,
       count_if(resolved_first) AS cases_resolved_first,
       sum(contacts) AS case_contacts
FROM cases
GROUP BY GROUPING SETS ((), (queue), (day));

-- Percentiles, nearest-rank and exact (§3): the p-th percentile of n values
-- is the value at rank ⌈p·n/100⌉ in ascending order, that is the smallest
-- value v with at least that many values ≤ v. Each distribution is kept as
-- (value, how many times), which is small: waits, attempts per customer and
-- escalation times repeat.
CREATE TEMP TABLE distributions AS
SELECT 'wait_s' AS distribution,
       scope_of(GROUPING(queue), GROUPING(day)) AS scope,
       scope_name(GROUPING(queue), GROUPING(day), queue, day) AS name,
       wait_s AS value, count(*) AS times
FROM calls
WHERE outcome = 'answered'
GROUP BY GROUPING SETS ((wait_s), (queue, wait_s), (day, wait_s))
UNION ALL
SELECT 'attempts_per_customer', scope, name, attempts, count(*)
FROM customer_visits
GROUP BY scope, name, attempts
UNION ALL
SELECT 'time_to_escalation_s',
       scope_of(GROUPING(queue), GROUPING(day)),
       scope_name(GROUPING(queue), GROUPING(day), queue, day),
       time_to_escalation_s, count(*)
FROM cases
WHERE escalated
GROUP BY GROUPING SETS ((time_to_escalation_s), (queue, time_to_escalation_s), (day, time_to_escalation_s));

CREATE TEMP TABLE percentiles AS
WITH wanted(distribution, p, metric) AS (VALUES
    ('wait_s', 50, 'wait_p50_s'), ('wait_s', 90, 'wait_p90_s'), ('wait_s', 99, 'wait_p99_s'),
    ('attempts_per_customer', 90, 'attempts_per_customer_p90'),
    ('time_to_escalation_s', 50, 'time_to_escalation_p50_s'),
    ('time_to_escalation_s', 90, 'time_to_escalation_p90_s')),
cumulative AS (
    SELECT distribution, scope, name, value,
           sum(times) OVER (PARTITION BY distribution, scope, name ORDER BY value) AS at_or_below,
           sum(times) OVER (PARTITION BY distribution, scope, name) AS n
    FROM distributions)
SELECT scope, name, metric, min(value) AS value
FROM cumulative JOIN wanted USING (distribution)
WHERE at_or_below >= nearest_rank(p, n)
GROUP BY scope, name, metric;

-- Every scope with a call or a contact row is listed (§3): zero counts, and
-- each ratio per its formula, on the side that has no row.
WITH scopes AS (
    SELECT scope, name FROM call_totals
    UNION SELECT scope, name FROM contact_totals
    UNION SELECT 'overall', ''),
percentile_columns AS (
    PIVOT percentiles ON metric IN ('wait_p50_s', 'wait_p90_s', 'wait_p99_s',
        'attempts_per_customer_p90', 'time_to_escalation_p50_s', 'time_to_escalation_p90_s')
    USING min(value)),
counts AS (
    SELECT scope, name,
           coalesce(k.attempts, 0) AS attempts,
           coalesce(k.answered + k.abandoned + k.timeout, 0) AS offered,    -- calls that were queued
           coalesce(k.answered, 0) AS answered,
           coalesce(k.abandoned, 0) AS abandoned,
           coalesce(k.short_abandoned, 0) AS short_abandoned,
           coalesce(k.timeout, 0) AS timeout,
           coalesce(k.busy, 0) AS busy,
           coalesce(k.closed, 0) AS closed,
           coalesce(k.answered_within, 0) AS answered_within,
           k.answered_wait_s, k.answered_talk_s, k.abandoned_wait_s,
           coalesce(k.anonymous_attempts, 0) AS anonymous_attempts,
           coalesce(u.customers, 0) AS customers,
           coalesce(u.customers_reached, 0) AS customers_reached,
           coalesce(u.repeat_callers, 0) AS repeat_callers,
           u.attempts_per_customer_max,
           coalesce(t.contacts, 0) AS contacts,
           coalesce(t.useful_contacts, 0) AS useful_contacts,
           coalesce(t.useful_voice_contacts, 0) AS useful_voice_contacts,
           coalesce(t.escalated_contacts, 0) AS escalated_contacts,
           coalesce(c.cases, 0) AS cases,
           coalesce(c.cases_escalated, 0) AS cases_escalated,
           coalesce(c.cases_reaching_level_3, 0) AS cases_reaching_level_3,
           coalesce(c.cases_resolved_first, 0) AS cases_resolved_first,
           coalesce(c.case_contacts, 0) AS case_contacts
    FROM scopes
    LEFT JOIN call_totals k USING (scope, name)
    LEFT JOIN customer_totals u USING (scope, name)
    LEFT JOIN contact_totals t USING (scope, name)
    LEFT JOIN case_totals c USING (scope, name))
SELECT scope, name,
       attempts, offered, answered, abandoned, short_abandoned, timeout, busy, closed,
       ratio(answered, attempts) AS reachability,
       ratio(answered, attempts - closed) AS reachability_open_hours,
       ratio(answered_within, offered - short_abandoned) AS service_level,
       ratio(abandoned - short_abandoned, offered - short_abandoned) AS abandonment_rate,
       ratio(answered_wait_s, answered) AS asa_s,
       p.wait_p50_s, p.wait_p90_s, p.wait_p99_s,
       ratio(abandoned_wait_s, abandoned) AS mean_time_to_abandon_s,
       ratio(answered_talk_s, answered) AS mean_talk_s,
       anonymous_attempts,
       customers,
       customers_reached,
       ratio(customers_reached, customers) AS customer_reach_rate,
       repeat_callers,
       ratio(repeat_callers, customers) AS repeat_caller_rate,
       p.attempts_per_customer_p90,
       attempts_per_customer_max,
       contacts,
       useful_contacts,
       useful_voice_contacts,
       ratio(attempts, useful_voice_contacts) AS calls_per_useful_contact,
       escalated_contacts,
       ratio(escalated_contacts, contacts) AS escalation_rate,
       cases,
       cases_escalated,
       ratio(cases_escalated, cases) AS case_escalation_rate,
       cases_reaching_level_3,
       ratio(cases_resolved_first, cases) AS fcr,
       p.time_to_escalation_p50_s, p.time_to_escalation_p90_s,
       ratio(case_contacts, cases) AS contacts_per_case
FROM counts
LEFT JOIN percentile_columns p USING (scope, name)
ORDER BY scope, name;
