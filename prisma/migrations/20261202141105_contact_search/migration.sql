-- Contact search (issue 21): accent- and case-insensitive substring search backed by trigram
-- indexes, instead of ILIKE '%…%' over every contact of the municipality.
-- Both extensions ship with PostgreSQL's contrib and with PGlite (loaded by @wijknet/embedded-postgres).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- The one folding rule of search, on both sides of every comparison: accents off (unaccent's
-- default rules: Ö → O, ş → s, ı → i), lower case, hyphens and runs of white space as one space
-- ("Jansen-de Vries" = "jansen de vries"). unaccent() itself is only STABLE (its dictionary can be
-- changed), so an index expression needs this IMMUTABLE wrapper naming the dictionary; should the
-- dictionary ever change, REINDEX the indexes below.
CREATE OR REPLACE FUNCTION wijknet_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[\s\-]+', ' ', 'g')) $$;

-- The folded name is stored (kept by a trigger whenever fullName is written, also by an erasure),
-- because folding is too slow to repeat for every candidate row of a search at 100,000 contacts:
-- the index recheck and the ranking read the stored value.
ALTER TABLE "Contact" ADD COLUMN "searchName" TEXT NOT NULL DEFAULT '';

CREATE OR REPLACE FUNCTION wijknet_contact_search_name() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN NEW."searchName" := coalesce(wijknet_fold(NEW."fullName"), ''); RETURN NEW; END $$;

CREATE TRIGGER "Contact_searchName" BEFORE INSERT OR UPDATE OF "fullName", "searchName" ON "Contact"
  FOR EACH ROW EXECUTE FUNCTION wijknet_contact_search_name();

UPDATE "Contact" SET "searchName" = wijknet_fold("fullName");

CREATE INDEX "Contact_searchName_trgm_idx" ON "Contact" USING gin ("searchName" gin_trgm_ops);
CREATE INDEX "Contact_email_trgm_idx" ON "Contact" USING gin (lower("email") gin_trgm_ops);
CREATE INDEX "Contact_phone_trgm_idx" ON "Contact" USING gin ("phone" gin_trgm_ops);
CREATE INDEX "ContactRole_title_fold_trgm_idx" ON "ContactRole" USING gin (wijknet_fold("title") gin_trgm_ops);
CREATE INDEX "Organisation_name_fold_trgm_idx" ON "Organisation" USING gin (wijknet_fold("name") gin_trgm_ops);
