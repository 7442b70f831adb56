-- The connection phase planned (connection plan steps 1 and 5): per school the ISO week its phase is planned to
-- start (stored as that week's Monday), and per week a capacity where the operator set one (otherwise
-- bron.planning.capaciteit-per-week holds).
CREATE TABLE planning (
    brin        VARCHAR(4)               NOT NULL PRIMARY KEY,
    startweek   DATE                     NOT NULL,
    gepland_op  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_planning_startweek ON planning (startweek);

CREATE TABLE planning_capaciteit (
    week        DATE NOT NULL PRIMARY KEY,
    capaciteit  INT  NOT NULL
);

-- One row, locked by whoever loads a planning: two loads at once could each see room in a week and fill it over
-- its capacity together.
CREATE TABLE planning_slot (
    id  INT NOT NULL PRIMARY KEY
);
INSERT INTO planning_slot (id) VALUES (1);

-- The vooraankondigingen go through the voortgangsmail outbox, as soort VOORAANKONDIGING_1 and _2 (week 0: before
-- the phase); one of each soort per aanleverpunt.
ALTER TABLE voortgangsmail ALTER COLUMN soort SET DATA TYPE VARCHAR(20);
ALTER TABLE voortgangsmail DROP CONSTRAINT uk_voortgangsmail;
ALTER TABLE voortgangsmail ADD CONSTRAINT uk_voortgangsmail UNIQUE (aanleverpunt_id, soort, week);
