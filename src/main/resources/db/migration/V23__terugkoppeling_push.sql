-- Issue 22, push delivery: an aanleverpunt (or its vendor, through the operator) may register one HTTPS endpoint;
-- the hub delivers each terugkoppeling there in volgnummer order. Only the address the operator registered is ever
-- called. The state survives a restart: what was delivered, and when the next attempt after a failure is due.
-- Fetching is untouched: delivering acknowledges nothing on the LAS's behalf.
CREATE TABLE terugkoppeling_push (
    aanleverpunt_id        BIGINT       NOT NULL PRIMARY KEY REFERENCES aanleverpunt (id) ON DELETE CASCADE,
    adres                  VARCHAR(500) NOT NULL,               -- https:// only, checked when registered
    geregistreerd_op       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the highest volgnummer the endpoint accepted (2xx); at registration the last one the LAS acknowledged by fetching
    laatst_afgeleverd      BIGINT       NOT NULL,
    laatst_afgeleverd_op   TIMESTAMP WITH TIME ZONE,
    pogingen               INT          NOT NULL DEFAULT 0,     -- failed attempts at the next volgnummer since the last success
    volgende_poging_op     TIMESTAMP WITH TIME ZONE,            -- back-off: not before this (machine time)
    laatste_fout           VARCHAR(200),                        -- a code and a short reason, never anything of a pupil
    laatste_fout_op        TIMESTAMP WITH TIME ZONE,
    bezig_tot              TIMESTAMP WITH TIME ZONE             -- claimed by one instance for a round, until then
);
