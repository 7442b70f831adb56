-- Where a parked bericht failed (issue 18): the Camel route and the step (node) that threw, and a message
-- without personal data: the text of the hub's own coded refusals, otherwise a generic text. reden keeps
-- the failure's type. Null for berichten parked before this version.
ALTER TABLE geparkeerd_bericht ADD COLUMN route VARCHAR(100);
ALTER TABLE geparkeerd_bericht ADD COLUMN stap VARCHAR(200);
ALTER TABLE geparkeerd_bericht ADD COLUMN melding VARCHAR(500);
