-- Issue 19: the GTB stored per inschrijving as periods of equal standing instead of one row per peildatum (a pupil
-- enrolled a whole school year was thirteen rows of gtb_leerling, rewritten at every recomputation; now it is one).
-- A period holds on every peildatum of its school's schedule from eerste_peildatum to laatste_peildatum; a peildatum
-- whose GTB is vastgesteld has a period of its own. The counts of a GTB are a GROUP BY over the periods that hold
-- on its peildatum.
CREATE TABLE gtb_periode (
    inschrijving_id    BIGINT      NOT NULL,
    eerste_peildatum   DATE        NOT NULL,
    laatste_peildatum  DATE        NOT NULL,
    persoon_id         BIGINT      NOT NULL,
    brin               VARCHAR(4)  NOT NULL,
    vestiging          VARCHAR(2)  NOT NULL,
    categorie          VARCHAR(16) NOT NULL,
    soort_onderwijs    VARCHAR(3)  NOT NULL,
    leeftijdsgroep     VARCHAR(4)  NOT NULL,    -- age on 31 December of the school year: <8, 8-12, 13+
    cumi               BOOLEAN     NOT NULL,    -- NNCA 2
    PRIMARY KEY (inschrijving_id, eerste_peildatum)
);
CREATE INDEX ix_gtb_periode_vestiging ON gtb_periode (brin, vestiging, eerste_peildatum);
CREATE INDEX ix_gtb_periode_persoon ON gtb_periode (persoon_id);

-- The GTB signals (handbook 10.2) of a period; datum_ingang is the first peildatum the signal holds on.
CREATE TABLE gtb_periode_signaal (
    inschrijving_id    BIGINT       NOT NULL,
    eerste_peildatum   DATE         NOT NULL,
    signaal            INT          NOT NULL,
    datum_ingang       DATE         NOT NULL,
    scholen            VARCHAR(200),            -- signals 2 and 4: the other schools
    PRIMARY KEY (inschrijving_id, eerste_peildatum, signaal)
);

-- What was stored carries over as periods of one peildatum; the next recomputation of a pupil joins them.
INSERT INTO gtb_periode (inschrijving_id, eerste_peildatum, laatste_peildatum, persoon_id, brin, vestiging, categorie,
                         soort_onderwijs, leeftijdsgroep, cumi)
    SELECT inschrijving_id, peildatum, peildatum, persoon_id, brin, vestiging, categorie, soort_onderwijs, leeftijdsgroep, cumi
    FROM gtb_leerling;
INSERT INTO gtb_periode_signaal (inschrijving_id, eerste_peildatum, signaal, datum_ingang, scholen)
    SELECT inschrijving_id, peildatum, signaal, datum_ingang, scholen FROM gtb_signaal;
DROP TABLE gtb_signaal;
DROP TABLE gtb_leerling;
