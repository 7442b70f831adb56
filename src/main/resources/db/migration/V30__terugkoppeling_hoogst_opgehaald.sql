-- The highest volgnummer a fetch of the aanleverpunt has served: a LAS may acknowledge up to it (or up to what was
-- pushed to it), not beyond. Acknowledging a number it was never given purged terugkoppelingen it never saw. What was
-- queued before this column counts as served, so that no LAS is refused an acknowledgement it could give before.
ALTER TABLE aanleverpunt ADD COLUMN hoogst_opgehaald BIGINT DEFAULT 0 NOT NULL;
UPDATE aanleverpunt SET hoogst_opgehaald = laatste_volgnummer;
