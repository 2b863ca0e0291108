-- Each access states its area, period and result size in columns of their own (they were only
-- in the parameters), and user names from an identity provider (e-mail addresses) fit.
ALTER TABLE audit_entry ALTER COLUMN username SET DATA TYPE VARCHAR(256);
ALTER TABLE audit_entry ADD COLUMN area VARCHAR(256);
ALTER TABLE audit_entry ADD COLUMN period VARCHAR(64);
ALTER TABLE audit_entry ADD COLUMN result_rows BIGINT;
ALTER TABLE audit_entry ADD COLUMN result_bytes BIGINT NOT NULL DEFAULT 0;
