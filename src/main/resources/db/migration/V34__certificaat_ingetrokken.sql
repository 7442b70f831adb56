-- Certificates revoked (by the operator, or replaced under a new letter): the seed in config/toegang.yaml, read at every
-- start, registered a revoked certificate again when its file was still named there.
CREATE TABLE certificaat_ingetrokken (
    vingerafdruk   VARCHAR(64) PRIMARY KEY,
    ingetrokken_op TIMESTAMP   NOT NULL
);
