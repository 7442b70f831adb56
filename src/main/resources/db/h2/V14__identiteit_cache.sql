-- H2 only (Flyway location db/{vendor}). H2 writes an identity column's next value to the file, in a commit of its
-- own, each time its cache of values runs out (32 by default): with five such inserts per processed bericht, those
-- commits outnumbered the hub's own, and every commit waits its turn for H2's store. H2's cache is one for all
-- sessions, so ids keep their order (a bericht's id is its place in its aanleverpunt's queue); a crash only leaves a gap.
-- Not for PostgreSQL: its cache is per session, and ids would no longer follow arrival.
ALTER TABLE bericht ALTER COLUMN id SET CACHE 1000;
ALTER TABLE persoon ALTER COLUMN id SET CACHE 1000;
ALTER TABLE inschrijving ALTER COLUMN id SET CACHE 1000;
ALTER TABLE terugkoppeling ALTER COLUMN id SET CACHE 1000;
ALTER TABLE gtb_wijziging ALTER COLUMN id SET CACHE 1000;
ALTER TABLE audit ALTER COLUMN id SET CACHE 1000;
