-- Look-ups the pipeline makes for every bericht (the benchmark's profile): a pupil's enrolments,
-- an aanleverpunt's enrolments (voortgang), the search for an onderwijsnummer given before (756).
CREATE INDEX ix_inschrijving_persoon ON inschrijving (persoon_id);
CREATE INDEX ix_inschrijving_aanleverpunt ON inschrijving (aanleverpunt_id);
CREATE INDEX ix_persoon_geboortedatum ON persoon (geboortedatum);
CREATE INDEX ix_ambulante_begeleiding_school ON ambulante_begeleiding (brin_school);
