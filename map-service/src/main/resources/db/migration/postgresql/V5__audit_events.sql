-- Each row says what kind of event it records: a data access, a refused request, a sign-in (or a
-- failed one), a sign-out, an account change or an alert; and, where the request line does not
-- show it, what happened (which account was changed and how, why an alert was raised).
ALTER TABLE audit_entry ADD COLUMN event VARCHAR(16) NOT NULL DEFAULT 'access';
ALTER TABLE audit_entry ADD COLUMN detail VARCHAR(512);
UPDATE audit_entry SET event = 'refused' WHERE status IN (401, 403, 429);
CREATE INDEX audit_entry_event_idx ON audit_entry (event, accessed_at);
