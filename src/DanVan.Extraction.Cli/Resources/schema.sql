-- The PostgreSQL schema of `danvan bulk --db`. Created when missing; safe to run again.
-- Every table is keyed by record_id (16 hex digits of SHA-256 over the input id and bytes), so loading the
-- same input twice keeps one copy. Dates stay text as the record writes them (ISO 8601, possibly partial).
CREATE SCHEMA IF NOT EXISTS danvan;

CREATE TABLE IF NOT EXISTS danvan.records (
    record_id      text PRIMARY KEY,
    input_id       text NOT NULL,
    url            text,
    site           text,
    title          text,
    published      text,
    author         text,
    encoding       text,
    kind           text NOT NULL,
    organizer      text,
    meeting_date   text,
    level          text,
    place          text,
    reviewed_start text,
    reviewed_end   text,
    planned_start  text,
    planned_end    text,
    chairs         text,
    article_text   text NOT NULL,
    record         jsonb NOT NULL,
    loaded_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS danvan.persons (
    record_id text NOT NULL REFERENCES danvan.records (record_id) ON DELETE CASCADE,
    ord       integer NOT NULL,
    name      text NOT NULL,
    titles    text,
    mentions  integer NOT NULL,
    PRIMARY KEY (record_id, ord)
);

CREATE TABLE IF NOT EXISTS danvan.figures (
    record_id    text NOT NULL REFERENCES danvan.records (record_id) ON DELETE CASCADE,
    ord          integer NOT NULL,
    text         text NOT NULL,
    value        numeric NOT NULL,
    unit         text NOT NULL,
    qualifier    text,
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL,
    PRIMARY KEY (record_id, ord)
);

CREATE TABLE IF NOT EXISTS danvan.campaigns (
    record_id    text NOT NULL REFERENCES danvan.records (record_id) ON DELETE CASCADE,
    ord          integer NOT NULL,
    name         text NOT NULL,
    text         text NOT NULL,
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL,
    PRIMARY KEY (record_id, ord)
);

CREATE TABLE IF NOT EXISTS danvan.speakers (
    record_id text NOT NULL REFERENCES danvan.records (record_id) ON DELETE CASCADE,
    ord       integer NOT NULL,
    person    text NOT NULL,
    titles    text,
    role      text NOT NULL,
    sentence  text NOT NULL,
    PRIMARY KEY (record_id, ord)
);
