-- Failed sign-ins in a row and the lock they lead to, kept in the database so that a restart or a second
-- instance does not give a guesser a fresh count.
ALTER TABLE portaal_account ADD COLUMN mislukte_pogingen INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE portaal_account ADD COLUMN geblokkeerd_tot TIMESTAMP WITH TIME ZONE;
-- When the school last chose its own password (null: still the wachtwoordbrief's).
ALTER TABLE portaal_account ADD COLUMN zelf_gekozen_op TIMESTAMP WITH TIME ZONE;
