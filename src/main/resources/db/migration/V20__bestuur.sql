-- The bestuur's dashboard (issue 20): the board (bevoegd gezag) an aanleverpunt belongs to, by its
-- bestuursnummer (five digits), set by the operator only: the school may correct the board's name and
-- e-mail in the portal, but not which board sees its progress.
ALTER TABLE aanleverpunt ADD COLUMN bestuur_nummer VARCHAR(5);
CREATE INDEX ix_aanleverpunt_bestuur ON aanleverpunt (bestuur_nummer);

-- The bestuur's portal account: its own wachtwoordbrief, only the hash kept; the lock as for schools (V10).
CREATE TABLE bestuur_account (
    nummer             VARCHAR(5)   NOT NULL PRIMARY KEY,
    wachtwoord         VARCHAR(200) NOT NULL,
    aangemaakt_op      TIMESTAMP WITH TIME ZONE NOT NULL,
    mislukte_pogingen  INTEGER DEFAULT 0 NOT NULL,
    geblokkeerd_tot    TIMESTAMP WITH TIME ZONE,
    zelf_gekozen_op    TIMESTAMP WITH TIME ZONE
);
