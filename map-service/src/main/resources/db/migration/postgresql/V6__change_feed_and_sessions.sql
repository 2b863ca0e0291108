-- The change feed between replicas of the service on one database (docs/deployment.md): every
-- import and account change is a row; each replica reads the rows after the last one it saw,
-- four times a second, and tells its caches. A sequence survives a replica that was away for a
-- moment, which a missed LISTEN/NOTIFY would not.
CREATE TABLE store_change (
  seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind        VARCHAR(16)  NOT NULL,
  subject     VARCHAR(64)  NOT NULL,
  origin      VARCHAR(36)  NOT NULL,
  changed_at  timestamptz  NOT NULL,
  -- an import that only added rows: the highest id before them, so that replicas extend their index
  appended_after bigint
);
CREATE INDEX store_change_changed_at_idx ON store_change (changed_at);

-- The viewer's sessions, shared by every replica (Spring Session JDBC, its own schema for PostgreSQL).
CREATE TABLE SPRING_SESSION (
  PRIMARY_ID CHAR(36) NOT NULL,
  SESSION_ID CHAR(36) NOT NULL,
  CREATION_TIME BIGINT NOT NULL,
  LAST_ACCESS_TIME BIGINT NOT NULL,
  MAX_INACTIVE_INTERVAL INT NOT NULL,
  EXPIRY_TIME BIGINT NOT NULL,
  PRINCIPAL_NAME VARCHAR(100),
  CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
  SESSION_PRIMARY_ID CHAR(36) NOT NULL,
  ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
  ATTRIBUTE_BYTES BYTEA NOT NULL,
  CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
  CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION(PRIMARY_ID) ON DELETE CASCADE
);
