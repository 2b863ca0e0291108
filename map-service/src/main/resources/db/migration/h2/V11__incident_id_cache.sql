-- H2 writes an identity's sequence to its metadata each time the values it holds in memory run out,
-- and that write commits the store to disk: with the default of 32 values an import of a million
-- incidents stored the whole file (its own uncommitted pages included) 31 250 times, most of the
-- import's time. Ids stay increasing; after a crash up to this many are skipped.
ALTER TABLE incident ALTER COLUMN id SET CACHE 100000;
