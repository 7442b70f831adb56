-- One row, locked by every write of an aanleverpunt's registry data before anything is read: the check that a school
-- names one board reads the school's other aanleverpunten, and two PUTs at once (each making a new aanleverpunt of the
-- same school with another board) each found the other not yet committed and were both taken.
CREATE TABLE aanleverpunt_slot (
    id  INT NOT NULL PRIMARY KEY
);
INSERT INTO aanleverpunt_slot (id) VALUES (1);
