-- Who may act for which aanleverpunt (issue 7). A client certificate is known by its SHA-256
-- fingerprint and registered either to one aanleverpunt or to a LAS vendor (leverancier); a vendor
-- acts for the schools that mandated it.
CREATE TABLE certificaat (
    vingerafdruk        VARCHAR(64)  PRIMARY KEY,
    onderwerp           VARCHAR(500) NOT NULL,
    uitgever            VARCHAR(500) NOT NULL,
    geldig_tot          TIMESTAMP WITH TIME ZONE NOT NULL,
    brin                VARCHAR(4),
    aanleverpuntnummer  VARCHAR(5),
    leverancier         VARCHAR(80),
    geregistreerd_op    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_certificaat_houder CHECK (
        (brin IS NOT NULL AND aanleverpuntnummer IS NOT NULL AND leverancier IS NULL)
        OR (brin IS NULL AND aanleverpuntnummer IS NULL AND leverancier IS NOT NULL))
);

-- The mandate register: a school (BRIN) lets a LAS vendor exchange with the hub on its behalf.
CREATE TABLE mandaat (
    brin              VARCHAR(4)  NOT NULL,
    leverancier       VARCHAR(80) NOT NULL,
    geregistreerd_op  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (brin, leverancier)
);

-- The plan's 'certificate tested': the aanleverpunt's first successful fetch, and with which certificate.
ALTER TABLE aanleverpunt ADD COLUMN certificaat_getest_op TIMESTAMP WITH TIME ZONE;
ALTER TABLE aanleverpunt ADD COLUMN certificaat_getest_met VARCHAR(64);

-- Who sent it: the fingerprint of the client certificate, beside the aanleverpunt the request names.
ALTER TABLE audit ADD COLUMN certificaat VARCHAR(64);
