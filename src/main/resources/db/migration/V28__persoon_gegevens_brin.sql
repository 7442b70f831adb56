-- The school whose personal data the register holds for a pupil without a BSN (the last to write them). While no school
-- has an inschrijving of the pupil, only that school changes them; null for rows from before (any school may).
ALTER TABLE persoon ADD COLUMN gegevens_brin VARCHAR(4);
