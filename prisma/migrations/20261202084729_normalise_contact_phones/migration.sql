-- Data migration (created with `prisma migrate dev --create-only`; no schema change):
-- contact phone numbers to E.164, as the application now stores them (contact.rules.ts,
-- libphonenumber with the Netherlands as default region). Only notations that cannot be
-- read two ways are rewritten: "06-12345678", "06 1234 5678", "0031 6 …", "+31 (0)6 …",
-- "+44 20 …", "0044 20 …". Anything else stays as written; the application normalises it
-- on the next edit, and the import compares numbers in E.164.
WITH cleaned AS (
  SELECT "id", regexp_replace(replace("phone", '(0)', ''), '[^0-9+]', '', 'g') AS p
  FROM "Contact"
  WHERE "phone" IS NOT NULL
)
UPDATE "Contact" AS c
SET "phone" = CASE
  WHEN cleaned.p ~ '^\+31[1-9][0-9]{8}$' THEN cleaned.p
  WHEN cleaned.p ~ '^0031[1-9][0-9]{8}$' THEN '+' || substr(cleaned.p, 3)
  WHEN cleaned.p ~ '^0[1-9][0-9]{8}$' THEN '+31' || substr(cleaned.p, 2)
  WHEN cleaned.p ~ '^\+[1-9][0-9]{6,14}$' THEN cleaned.p
  WHEN cleaned.p ~ '^00[1-9][0-9]{6,14}$' THEN '+' || substr(cleaned.p, 3)
  ELSE c."phone"
END
FROM cleaned
WHERE c."id" = cleaned."id";
