-- A pupil registered under an onderwijsnummer who later gets a BSN is one person: the LAS sends both (handbook 7.2.4,
-- "onderwijsnummer niet verwijderen"), the person's pgn becomes the BSN and the onderwijsnummer stays here, so that a
-- school whose LAS has only the onderwijsnummer still finds the pupil. The rule that refuses a wrong pair is 752; the
-- unique index only guards against a bug giving one number to two persons.
ALTER TABLE persoon ADD COLUMN onderwijsnummer VARCHAR(9);
CREATE UNIQUE INDEX uk_persoon_onderwijsnummer ON persoon (onderwijsnummer);
