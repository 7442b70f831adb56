-- Wrong portal passwords in a row, per account name and client address: a lock holds back only the address that
-- guessed, so that nobody can keep a school out by guessing at its BRIN-nummer (the lock per account, V10 and V20,
-- did). A name no account has is counted the same way, so that the answers do not tell which accounts exist.
CREATE TABLE portaal_inlogpoging (
    naam             VARCHAR(5)  NOT NULL,
    adres            VARCHAR(64) NOT NULL,
    mislukt          INTEGER     NOT NULL,
    laatste          TIMESTAMP WITH TIME ZONE NOT NULL,
    geblokkeerd_tot  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (naam, adres)
);
CREATE INDEX portaal_inlogpoging_laatste ON portaal_inlogpoging (laatste);
