-- A processed bericht's XML is kept for bron.verwerking.bewaartermijn-dagen, then cleared (route berichten-opschonen):
-- the row stays, for the 396 of an identificatie sent twice and for the audit's counts.
ALTER TABLE bericht ALTER COLUMN inhoud DROP NOT NULL;
