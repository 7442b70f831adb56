-- The plan's 'certificate tested' moves off the aanleverpunt's row into a table of its own. An aanleverpunt's first
-- successful fetch wrote it on that row, which processing locks (select ... for update skip locked) to own the
-- aanleverpunt's reeks: when the two met, processing left the aanleverpunt to its next poll, which asked the person
-- register again. No foreign key on purpose: on PostgreSQL the key check takes a share lock on the aanleverpunt's
-- row, the very lock this table is here to avoid. Aanleverpunten are never deleted.
CREATE TABLE certificaattest (
    aanleverpunt_id  BIGINT                   NOT NULL PRIMARY KEY,
    getest_op        TIMESTAMP WITH TIME ZONE NOT NULL,
    getest_met       VARCHAR(64)
);

INSERT INTO certificaattest (aanleverpunt_id, getest_op, getest_met)
    SELECT id, certificaat_getest_op, certificaat_getest_met FROM aanleverpunt WHERE certificaat_getest_op IS NOT NULL;

ALTER TABLE aanleverpunt DROP COLUMN certificaat_getest_op;
ALTER TABLE aanleverpunt DROP COLUMN certificaat_getest_met;
