-- A certificate tested before V32: the aanleverpunt's first test, when it was made with this certificate (otherwise the
-- page said "nog niet", and the first fetch after the upgrade wrote the upgrade's time).
UPDATE certificaatuitgifte u SET getest_op = (SELECT c.getest_op FROM certificaattest c JOIN aanleverpunt a ON a.id = c.aanleverpunt_id
    WHERE a.brin = u.brin AND a.aanleverpuntnummer = u.aanleverpuntnummer AND c.getest_met = u.vingerafdruk)
WHERE getest_op IS NULL;
