-- GBA change files applied, by content: a file is applied once, also when the hub stopped between
-- committing it and moving it away.
CREATE TABLE gba_mutatiebestand (
    sha256        VARCHAR(64)  PRIMARY KEY,
    naam          VARCHAR(255) NOT NULL,
    wijzigingen   INT          NOT NULL,
    verwerkt_op   TIMESTAMP WITH TIME ZONE NOT NULL
);
