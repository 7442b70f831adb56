-- A planned school confirms its contact data before its phase, twice (connection plan steps 2 and 7): when it
-- did, per step. Saving changed data in the portal while a step is open counts as confirming it.
CREATE TABLE contactcontrole (
    brin          VARCHAR(4)               NOT NULL,
    stap          INT                      NOT NULL,
    bevestigd_op  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (brin, stap)
);
