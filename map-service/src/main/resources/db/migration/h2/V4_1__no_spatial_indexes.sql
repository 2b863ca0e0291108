-- The embedded store keeps no spatial (R-tree) indexes. H2 cannot recover a transaction that was
-- writing to one when the process died: its undo log names the R-tree map, and H2 2.x reopens that
-- map with the wrong key type ("Unable to read the page ... SpatialDataType"), so a crash during an
-- import left a database that never opened again. Tiles and analyses are computed in Java from
-- their own in-memory indexes; the box filters that remain scan rows already narrowed by category
-- and time. PostGIS, the production store, keeps its GiST indexes.
DROP INDEX IF EXISTS municipality_boundary_geometry_idx;
DROP INDEX IF EXISTS incident_geometry_idx;
DROP INDEX IF EXISTS hemp_site_geometry_idx;
DROP INDEX IF EXISTS holiday_park_geometry_idx;
DROP INDEX IF EXISTS omg_clubhouse_geometry_idx;
