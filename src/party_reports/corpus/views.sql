-- The views of CORPUS.duckdb (design/CORPUS.md), readable on their own.
--
-- ${articles}, ${dates}, ... stand for the source tables: the tables of the index, or
-- read_parquet('OUT/*/articles.parquet')-style scans of batch tables where they lie
-- (views.py fills them in).  ${name_keys} maps every name, title, organisation and
-- article title to its folded key (corpus/keys.py: fold, party_body, split_post); it is
-- computed in Python when the tables are loaded, so these views need no Python to run.
-- Statements are separated by a line holding only ';'.

-- The day an article is placed on: its publication date, else the latest full day
-- (with a year) that the article itself names.
CREATE OR REPLACE VIEW article_days AS
SELECT a.article_id,
       coalesce(a.published_on, d.last_named) AS seen_on
FROM ${articles} AS a
LEFT JOIN (
    SELECT article_id, max(last_day) AS last_named
    FROM ${dates}
    WHERE granularity = 'day' AND value NOT LIKE 'XXXX%'
    GROUP BY article_id
) AS d USING (article_id)
;
-- Every official mention with its person key and day.
CREATE OR REPLACE VIEW person_mentions AS
SELECT k.key AS person_key, o.name, o.article_id, o.item, o.start, o."end", o.titles, ad.seen_on
FROM ${officials} AS o
JOIN ${name_keys} AS k ON k.name = o.name
JOIN article_days AS ad USING (article_id)
;
-- One row per (person, title, article): a career reads in order of seen_on.
CREATE OR REPLACE VIEW person_titles AS
SELECT person_key,
       min(name) AS name,
       min(title) AS title,
       title_key,
       article_id,
       min(seen_on) AS seen_on,
       min(start) AS start,
       min("end") AS "end",
       min(title_pos) AS title_pos
FROM (
    SELECT m.*, tk.key AS title_key
    FROM (SELECT *, unnest(titles) AS title, generate_subscripts(titles, 1) AS title_pos FROM person_mentions) AS m
    JOIN ${name_keys} AS tk ON tk.name = m.title
)
GROUP BY person_key, title_key, article_id
;
-- One row per person (folded name): the spelling seen most, where and when, titles in
-- the order they were first seen.
CREATE OR REPLACE VIEW people AS
WITH spellings AS (
    SELECT person_key, name, count(*) AS n FROM person_mentions GROUP BY person_key, name
), careers AS (
    SELECT person_key, list(title ORDER BY first_on, pos, title) AS titles
    FROM (
        SELECT person_key, title_key, min(title) AS title, min(seen_on) AS first_on,
               first(title_pos ORDER BY seen_on, article_id) AS pos
        FROM person_titles GROUP BY person_key, title_key
    )
    GROUP BY person_key
)
SELECT m.person_key,
       (SELECT first(s.name ORDER BY s.n DESC, s.name) FROM spellings AS s WHERE s.person_key = m.person_key) AS name,
       count(DISTINCT m.article_id) AS n_articles,
       min(m.seen_on) AS first_seen,
       max(m.seen_on) AS last_seen,
       coalesce(any_value(c.titles), []::VARCHAR[]) AS titles,
       list(DISTINCT m.name ORDER BY m.name) AS names
FROM person_mentions AS m
LEFT JOIN careers AS c USING (person_key)
GROUP BY m.person_key
;
-- Every document mention with its key: normalised kind + number (Đ look-alikes mapped,
-- upper case); a number without an issuer code ('Chỉ thị 05') also keys on its issuer.
CREATE OR REPLACE VIEW document_mentions AS
SELECT d.article_id, d.item, d.start, d."end", d.text,
       lower(trim(coalesce(d.kind, ''))) AS kind,
       d.number, d.type_code, d.issued_on, d.issuer,
       number_key,
       concat_ws(' ', nullif(lower(trim(coalesce(d.kind, ''))), ''), number_key) AS document_key,
       ad.seen_on
FROM (
    SELECT *,
           upper(translate(replace(number, ' ', ''), 'ÐƉðɖ', 'ĐĐđđ'))
             || CASE WHEN issuer_code IS NULL AND issuer IS NOT NULL THEN ' (' || issuer || ')' ELSE '' END
             AS number_key
    FROM ${documents}
    WHERE number IS NOT NULL
) AS d
JOIN article_days AS ad USING (article_id)
;
-- One row per (article, document).
CREATE OR REPLACE VIEW citations AS
SELECT article_id, document_key,
       min(kind) AS kind,
       min(number) AS number,
       max(issued_on) AS issued_on,
       count(*) AS n_mentions,
       min(start) AS start,
       min("end") AS "end",
       min(seen_on) AS seen_on
FROM document_mentions
GROUP BY article_id, document_key
;
-- One row per document: how many articles cite it, first and last seen, the issue date
-- most articles give (on a tie the earliest; all of them in issue_dates).
CREATE OR REPLACE VIEW cited_documents AS
WITH given AS (
    SELECT document_key, first(issued_on ORDER BY n DESC, issued_on) AS issued_on
    FROM (
        SELECT document_key, issued_on, count(*) AS n
        FROM citations WHERE issued_on IS NOT NULL GROUP BY document_key, issued_on
    )
    GROUP BY document_key
)
SELECT c.document_key,
       min(c.kind) AS kind,
       min(c.number) AS number,
       count(*) AS n_articles,
       min(c.seen_on) AS first_seen,
       max(c.seen_on) AS last_seen,
       any_value(g.issued_on) AS issued_on,
       list(DISTINCT c.issued_on ORDER BY c.issued_on) FILTER (WHERE c.issued_on IS NOT NULL) AS issue_dates
FROM citations AS c
LEFT JOIN given AS g USING (document_key)
GROUP BY c.document_key
;
-- The party organisation each article is about: the đảng bộ/chi bộ of an organisation
-- named in the title (the first in the text), else of the first one the text names.
CREATE OR REPLACE VIEW article_bodies AS
SELECT article_id,
       first(body ORDER BY in_title DESC, start) AS body,
       first(body_key ORDER BY in_title DESC, start) AS body_key
FROM (
    SELECT o.article_id, o.start, k.body, k.body_key,
           coalesce(strpos(tk.key, k.key) > 0, false) AS in_title
    FROM ${organisations} AS o
    JOIN ${name_keys} AS k ON k.name = o.name
    JOIN ${articles} AS a USING (article_id)
    LEFT JOIN ${name_keys} AS tk ON tk.name = a.title
    WHERE k.body IS NOT NULL
)
GROUP BY article_id
;
-- Dates that can give a figure its year and period: one calendar year, coarser than a day
-- ('năm 2021', '6 tháng đầu năm 2022', 'quý I/2023').
CREATE OR REPLACE VIEW year_marks AS
SELECT article_id, start, "end", year(first_day) AS year, value AS period
FROM ${dates}
WHERE granularity <> 'day' AND first_day IS NOT NULL AND year(first_day) = year(last_day)
;
-- Every quota and count with the article's body and the year it refers to: the nearest
-- year mark before it within 300 characters, else a year in the title, else the year
-- of seen_on (year_from says which).  period is that mark's value ('2021', '2022-H1',
-- '2021-01/2021-09'), or the year alone when it came from the title or seen_on.
CREATE OR REPLACE VIEW figure_series AS
WITH figures AS (
    SELECT 'quota' AS figure, article_id, item, start, "end", text, subject, unit,
           achieved, target, achieved AS value, coalesce(stated_percent, computed_percent) AS percent
    FROM ${quotas}
    UNION ALL
    SELECT 'count', article_id, item, start, "end", text, NULL, unit, NULL, NULL, value, NULL
    FROM ${counts}
), placed AS (
    SELECT f.*,
           CASE WHEN f.start - y."end" <= 300 THEN y.year END AS text_year,
           CASE WHEN f.start - y."end" <= 300 THEN y.period END AS text_period
    FROM figures AS f
    ASOF LEFT JOIN year_marks AS y ON f.article_id = y.article_id AND f.start >= y."end"
)
SELECT p.figure, p.article_id, p.item, p.start, p."end", p.text,
       b.body, b.body_key,
       coalesce(p.text_year, try_cast(regexp_extract(a.title, '\b(19|20)\d\d\b') AS INTEGER), year(ad.seen_on))
         AS year,
       coalesce(p.text_period, CAST(coalesce(
         try_cast(regexp_extract(a.title, '\b(19|20)\d\d\b') AS INTEGER), year(ad.seen_on)) AS VARCHAR))
         AS period,
       CASE WHEN p.text_year IS NOT NULL THEN 'text'
            WHEN regexp_matches(coalesce(a.title, ''), '\b(19|20)\d\d\b') THEN 'title'
            WHEN ad.seen_on IS NOT NULL THEN 'seen_on' END AS year_from,
       p.subject, p.unit, p.achieved, p.target, p.value, p.percent, ad.seen_on
FROM placed AS p
JOIN ${articles} AS a USING (article_id)
JOIN article_days AS ad USING (article_id)
LEFT JOIN article_bodies AS b USING (article_id)
;
-- Contradictions across articles.  Each row names the articles and the spans involved.
CREATE OR REPLACE VIEW corpus_findings AS
WITH dated AS (
    SELECT document_key, issued_on, list(DISTINCT article_id ORDER BY article_id) AS ids,
           list({'article_id': article_id, 'start': start, 'end': "end"} ORDER BY article_id, start) AS spans
    FROM document_mentions WHERE issued_on IS NOT NULL
    GROUP BY document_key, issued_on
), kinds AS (
    SELECT number_key, kind, list(DISTINCT article_id ORDER BY article_id) AS ids,
           list({'article_id': article_id, 'start': start, 'end': "end"} ORDER BY article_id, start) AS spans
    FROM document_mentions WHERE type_code IS NOT NULL AND kind <> ''
    GROUP BY number_key, kind
), posts AS (
    SELECT t.person_key, t.name, t.seen_on, pk.post_office, pk.post_rank, t.title, t.article_id, t.start, t."end"
    FROM person_titles AS t
    JOIN ${name_keys} AS pk ON pk.name = t.title
    WHERE pk.post_rank IS NOT NULL AND t.seen_on IS NOT NULL
), ranks AS (
    SELECT person_key, seen_on, post_office, post_rank, min(name) AS name, min(title) AS title,
           list(DISTINCT article_id ORDER BY article_id) AS ids,
           list({'article_id': article_id, 'start': start, 'end': "end"} ORDER BY article_id, start) AS spans
    FROM posts GROUP BY person_key, seen_on, post_office, post_rank
), figures AS (
    SELECT body_key, min(body) AS body, period, subject, unit, achieved,
           list(DISTINCT article_id ORDER BY article_id) AS ids,
           list({'article_id': article_id, 'start': start, 'end': "end"} ORDER BY article_id, start) AS spans
    FROM figure_series
    WHERE figure = 'quota' AND body_key IS NOT NULL AND period IS NOT NULL AND subject IS NOT NULL
          AND achieved IS NOT NULL
    GROUP BY body_key, period, subject, unit, achieved
)
SELECT 'document_issue_dates' AS code,
       document_key AS key,
       document_key || ' is given ' || count(*) || ' issue dates: '
         || string_agg(strftime(issued_on, '%Y-%m-%d') || ' (' || array_to_string(ids, ', ') || ')', '; '
                       ORDER BY issued_on) AS message,
       list_sort(list_distinct(flatten(list(ids)))) AS article_ids,
       flatten(list(spans ORDER BY issued_on)) AS spans
FROM dated GROUP BY document_key HAVING count(*) > 1
UNION ALL
SELECT 'document_kinds',
       number_key,
       number_key || ' is cited as ' || count(*) || ' kinds: '
         || string_agg(kind || ' (' || array_to_string(ids, ', ') || ')', '; ' ORDER BY kind),
       list_sort(list_distinct(flatten(list(ids)))),
       flatten(list(spans ORDER BY kind))
FROM kinds GROUP BY number_key HAVING count(*) > 1
UNION ALL
SELECT 'person_posts',
       person_key || ' ' || strftime(seen_on, '%Y-%m-%d') || ' ' || post_office,
       min(name) || ' holds ' || count(*) || ' different posts in ' || post_office || ' on '
         || strftime(seen_on, '%Y-%m-%d') || ': '
         || string_agg(title || ' (' || array_to_string(ids, ', ') || ')', '; ' ORDER BY post_rank),
       list_sort(list_distinct(flatten(list(ids)))),
       flatten(list(spans ORDER BY post_rank))
FROM ranks GROUP BY person_key, seen_on, post_office HAVING count(*) > 1
UNION ALL
SELECT 'figure_values',
       body_key || ' ' || period || ' ' || subject || ' ' || coalesce(unit, ''),
       min(body) || ', ' || period || ', ' || subject || coalesce(' ' || unit, '') || ': '
         || count(*) || ' different figures: '
         || string_agg(achieved || ' (' || array_to_string(ids, ', ') || ')', '; ' ORDER BY achieved),
       list_sort(list_distinct(flatten(list(ids)))),
       flatten(list(spans ORDER BY achieved))
FROM figures GROUP BY body_key, period, subject, unit HAVING count(*) > 1
;
