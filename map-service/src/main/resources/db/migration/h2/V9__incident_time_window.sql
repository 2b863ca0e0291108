-- The end of the window in which an incident happened, when its time is not known exactly (a burglary
-- found after a weekend): the incident happened in [occurred_at, occurred_to]. Null for a known moment
-- (or, with occurred_at_has_time false, some time on the date of occurred_at).
ALTER TABLE incident ADD COLUMN occurred_to TIMESTAMP(6) WITH TIME ZONE;
