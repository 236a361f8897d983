-- Multiply the 2,000 articles imported through the real path ×50 (copies k = 1..49 next to the
-- originals). New ids (id + k*100000), unique source_file/fingerprint; a day-precision date moves
-- by a per-copy shift of −182…+182 days (so copies spread across year boundaries, the yearly
-- growth of the original stays); agreements are copied per copy (with their parties and
-- signatories); officials are shared. Claims and pairs copied with their states.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
BEGIN;
CREATE TEMP TABLE copies AS SELECT k, ((k * 53) % 365) - 182 AS shift FROM generate_series(1, 49) k;

INSERT INTO articles_agreement (id, date_year, date_month, date_day, date_precision, date_from, date_to,
  kind, title, status, review_state, edited_fields, created_at, updated_at)
SELECT g.id + c.k * 100000,
  CASE WHEN g.date_precision = 'day' THEN extract(year FROM g.date_from + c.shift)::int ELSE g.date_year END,
  CASE WHEN g.date_precision = 'day' THEN extract(month FROM g.date_from + c.shift)::int ELSE g.date_month END,
  CASE WHEN g.date_precision = 'day' THEN extract(day FROM g.date_from + c.shift)::int ELSE g.date_day END,
  g.date_precision,
  CASE WHEN g.date_precision = 'day' THEN g.date_from + c.shift ELSE g.date_from END,
  CASE WHEN g.date_precision = 'day' THEN g.date_to + c.shift ELSE g.date_to END,
  g.kind, g.title, g.status, g.review_state, g.edited_fields, g.created_at, g.updated_at
FROM articles_agreement g CROSS JOIN copies c;
INSERT INTO articles_agreement_parties (agreement_id, country_id)
SELECT p.agreement_id + c.k * 100000, p.country_id FROM articles_agreement_parties p CROSS JOIN copies c;
INSERT INTO articles_agreement_signatories (agreement_id, official_id)
SELECT s.agreement_id + c.k * 100000, s.official_id FROM articles_agreement_signatories s CROSS JOIN copies c;

INSERT INTO articles_article (id, date_year, date_month, date_day, date_precision, date_from, date_to,
  title, title_derived, body, raw_text, place, url, source_file, fingerprint, is_generated,
  review_state, edited_fields, created_at, updated_at, import_batch_id, source_id)
SELECT a.id + c.k * 100000,
  CASE WHEN a.date_precision = 'day' THEN extract(year FROM a.date_from + c.shift)::int ELSE a.date_year END,
  CASE WHEN a.date_precision = 'day' THEN extract(month FROM a.date_from + c.shift)::int ELSE a.date_month END,
  CASE WHEN a.date_precision = 'day' THEN extract(day FROM a.date_from + c.shift)::int ELSE a.date_day END,
  a.date_precision,
  CASE WHEN a.date_precision = 'day' THEN a.date_from + c.shift ELSE a.date_from END,
  CASE WHEN a.date_precision = 'day' THEN a.date_to + c.shift ELSE a.date_to END,
  a.title, a.title_derived, a.body, a.raw_text, a.place, a.url,
  'copy' || lpad(c.k::text, 2, '0') || '/' || a.source_file,
  encode(sha256(convert_to(a.fingerprint || ':' || c.k, 'UTF8')), 'hex'),
  a.is_generated, a.review_state, a.edited_fields,
  a.created_at + make_interval(days => c.shift), a.updated_at + make_interval(days => c.shift),
  a.import_batch_id, a.source_id
FROM articles_article a CROSS JOIN copies c
WHERE a.id < 100000;

INSERT INTO articles_countryclaim (start, "end", quote, spans, origin, state, decided_at, created_at, article_id, country_id)
SELECT x.start, x."end", x.quote, x.spans, x.origin, x.state, x.decided_at, x.created_at, x.article_id + c.k * 100000, x.country_id
FROM articles_countryclaim x CROSS JOIN copies c WHERE x.article_id < 100000;
INSERT INTO articles_officialclaim (start, "end", quote, spans, origin, state, decided_at, created_at, position, article_id, country_id, official_id)
SELECT x.start, x."end", x.quote, x.spans, x.origin, x.state, x.decided_at, x.created_at, x.position, x.article_id + c.k * 100000, x.country_id, x.official_id
FROM articles_officialclaim x CROSS JOIN copies c WHERE x.article_id < 100000;
INSERT INTO articles_agreementclaim (start, "end", quote, spans, origin, state, decided_at, created_at, match_key, agreement_id, article_id)
SELECT x.start, x."end", x.quote, x.spans, x.origin, x.state, x.decided_at, x.created_at, x.match_key, x.agreement_id + c.k * 100000, x.article_id + c.k * 100000
FROM articles_agreementclaim x CROSS JOIN copies c WHERE x.article_id < 100000;
INSERT INTO articles_articlepair ("primary", score, origin, state, decided_at, created_at, article_id, country_a_id, country_b_id)
SELECT x."primary", x.score, x.origin, x.state, x.decided_at, x.created_at, x.article_id + c.k * 100000, x.country_a_id, x.country_b_id
FROM articles_articlepair x CROSS JOIN copies c WHERE x.article_id < 100000;

SELECT setval(pg_get_serial_sequence('articles_article', 'id'), (SELECT max(id) FROM articles_article));
SELECT setval(pg_get_serial_sequence('articles_agreement', 'id'), (SELECT max(id) FROM articles_agreement));

-- Rebuild the pair × month table: the fill of migration 0009 (visible pairs, year 0 = no date,
-- month 0 = year only or no date), in SQL.
DELETE FROM articles_pairmonth;
INSERT INTO articles_pairmonth (country_a_id, country_b_id, year, month, articles)
SELECT p.country_a_id, p.country_b_id, coalesce(a.date_year, 0),
  CASE WHEN a.date_year IS NULL THEN 0 ELSE coalesce(a.date_month, 0) END, count(*)
FROM articles_articlepair p JOIN articles_article a ON a.id = p.article_id
WHERE p.state IN ('proposed', 'confirmed')
GROUP BY 1, 2, 3, 4;
COMMIT;
VACUUM ANALYZE;
SELECT count(*) AS articles FROM articles_article;
