-- How far each aanleverpunt's queue is acknowledged (acknowledging is always 'everything up to N'), so that a fetch
-- marks only the terugkoppelingen between the last acknowledgement and its own. The update 'volgnummer <= N and
-- bevestigd_op is null' read every acknowledged terugkoppeling the queue still kept (bewaartermijn), on every fetch.
-- No foreign key, like certificaattest: processing locks the aanleverpunt's row. Aanleverpunten are never deleted.
CREATE TABLE terugkoppeling_bevestigd (
    aanleverpunt_id  BIGINT NOT NULL PRIMARY KEY,
    tot_en_met       BIGINT NOT NULL
);

INSERT INTO terugkoppeling_bevestigd (aanleverpunt_id, tot_en_met)
    SELECT aanleverpunt_id, MAX(volgnummer) FROM terugkoppeling WHERE bevestigd_op IS NOT NULL GROUP BY aanleverpunt_id;
