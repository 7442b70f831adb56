-- Overlapping inschrijvingen of one pupil at two schools that both schools have been told about
-- (handbook 7.7.4); a pair is reported once. inschrijving_a < inschrijving_b.
CREATE TABLE dubbele_inschrijving (
    inschrijving_a  BIGINT NOT NULL REFERENCES inschrijving (id) ON DELETE CASCADE,
    inschrijving_b  BIGINT NOT NULL REFERENCES inschrijving (id) ON DELETE CASCADE,
    gemeld_op       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (inschrijving_a, inschrijving_b)
);
