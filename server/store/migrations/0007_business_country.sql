-- A business's country (ISO 3166-1 alpha-2, e.g. GB): the region its customers' national phone numbers are
-- read in. Optional: without it the region is guessed from the locale and time zone (domain/phone.ts).
ALTER TABLE businesses ADD COLUMN country TEXT CHECK (country IS NULL OR (length(country) = 2 AND country GLOB '[A-Z][A-Z]'));
