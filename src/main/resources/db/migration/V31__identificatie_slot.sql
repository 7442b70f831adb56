-- One row, locked by a transaction that is about to give new onderwijsnummers: two schools sending the same new pupil
-- without a number at the same moment would each look them up, find nothing (the other's person not yet committed),
-- and make two persons of one child. Under this lock the second looks again after the first has committed.
CREATE TABLE identificatie_slot (
    id  INT NOT NULL PRIMARY KEY
);
INSERT INTO identificatie_slot (id) VALUES (1);
