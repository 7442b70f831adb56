-- When each certificate the portal issued was first used at the LAS door: the certificate page shows the test of the
-- aanleverpunt's current certificate, not that of one it replaced (certificaattest keeps the aanleverpunt's first test,
-- the connection plan's step 9).
ALTER TABLE certificaatuitgifte ADD COLUMN getest_op TIMESTAMP WITH TIME ZONE;
