-- A pupil registered under an onderwijsnummer who later gets a BSN is one person: the LAS sends both (handbook 7.2.4,
-- "onderwijsnummer niet verwijderen"), the person's pgn becomes the BSN and the onderwijsnummer is kept here, so that a
-- school whose LAS has only the onderwijsnummer still finds the pupil. A child two schools each gave an onderwijsnummer
-- (before either knew the BSN) has two. The rule that refuses a wrong pair is 752; the key only guards against a bug
-- giving one number to two persons.
CREATE TABLE persoon_onderwijsnummer (
    onderwijsnummer  VARCHAR(9) NOT NULL PRIMARY KEY,
    persoon_id       BIGINT     NOT NULL REFERENCES persoon (id)
);
CREATE INDEX ix_persoon_onderwijsnummer_persoon ON persoon_onderwijsnummer (persoon_id);
