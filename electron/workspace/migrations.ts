import { fieldStatsSql } from './field-stats';

/**
 * Versioned schema migrations, applied in order; PRAGMA user_version records
 * the last one applied. Never edit a migration that has shipped: add a new one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the foundation schema.
  `
  CREATE TABLE customers (
    id          TEXT PRIMARY KEY,
    email       TEXT,
    first_name  TEXT,
    last_name   TEXT,
    phone       TEXT,
    birth_date  TEXT,
    gender      TEXT,
    city        TEXT,
    country     TEXT,
    -- Every non-canonical CSV column, as a JSON object keyed by snake_case name.
    attributes  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
    import_id   INTEGER REFERENCES imports(id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  );
  CREATE INDEX customers_email ON customers(email COLLATE NOCASE);

  -- Custom attributes seen so far, with the header they came from (token autocomplete, segment fields).
  CREATE TABLE customer_fields (
    key         TEXT PRIMARY KEY,
    label       TEXT NOT NULL,
    created_at  TEXT NOT NULL
  );

  CREATE TABLE orders (
    id           TEXT PRIMARY KEY,
    customer_id  TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    ordered_at   TEXT NOT NULL,
    total        REAL NOT NULL,
    currency     TEXT NOT NULL DEFAULT 'USD',
    status       TEXT NOT NULL DEFAULT 'completed',
    items        INTEGER NOT NULL DEFAULT 1,
    category     TEXT
  );
  CREATE INDEX orders_customer ON orders(customer_id, ordered_at);

  CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    customer_id  TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    type         TEXT NOT NULL,
    occurred_at  TEXT NOT NULL,
    properties   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(properties))
  );
  CREATE INDEX events_customer ON events(customer_id, occurred_at);

  CREATE TABLE imports (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL,
    file_name      TEXT NOT NULL,
    file_path      TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('running','succeeded','failed','cancelled','interrupted')),
    rows_read      INTEGER NOT NULL DEFAULT 0,
    rows_imported  INTEGER NOT NULL DEFAULT 0,
    rows_rejected  INTEGER NOT NULL DEFAULT 0,
    rows_skipped   INTEGER NOT NULL DEFAULT 0,
    mapping        TEXT NOT NULL DEFAULT '[]',
    message        TEXT,
    started_at     TEXT NOT NULL,
    finished_at    TEXT
  );

  -- Rows that were not imported, kept verbatim so they stay inspectable.
  CREATE TABLE import_rejections (
    import_id  INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    line       INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    raw        TEXT NOT NULL
  );
  CREATE INDEX import_rejections_import ON import_rejections(import_id, line);

  -- Parsed rows waiting for the import's final transaction; emptied when it ends.
  CREATE TABLE import_staging (
    import_id  INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    line       INTEGER NOT NULL,
    record     TEXT NOT NULL
  );
  CREATE INDEX import_staging_import ON import_staging(import_id, line);

  CREATE TABLE templates (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    source      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  );

  CREATE TABLE segments (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    rule        TEXT NOT NULL CHECK (json_valid(rule)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  );

  CREATE TABLE personas (
    id           INTEGER PRIMARY KEY,
    label        TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('customer','segment')),
    customer_id  TEXT,
    segment_id   INTEGER REFERENCES segments(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    CHECK ((kind = 'customer' AND customer_id IS NOT NULL) OR (kind = 'segment' AND segment_id IS NOT NULL))
  );
  `,
  // 2: import accounting (created/updated, physical lines, encoding), import warnings,
  // and cached field statistics so customers.fields never scans customers.
  // The statistics are a cache, so computing them with the current definition is always right.
  `
  ALTER TABLE imports ADD COLUMN rows_created INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE imports ADD COLUMN rows_updated INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE imports ADD COLUMN lines_in_file INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE imports ADD COLUMN encoding TEXT;
  ALTER TABLE imports ADD COLUMN encoding_confidence INTEGER;
  ALTER TABLE imports ADD COLUMN rows_warned INTEGER NOT NULL DEFAULT 0;

  -- Rows imported with a caveat (a value kept because the new one looked like mojibake).
  CREATE TABLE import_warnings (
    import_id  INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    line       INTEGER NOT NULL,
    message    TEXT NOT NULL
  );
  CREATE INDEX import_warnings_import ON import_warnings(import_id, line);

  -- sample has no declared type, so values keep the type they have in customers.
  CREATE TABLE field_stats (
    kind    TEXT NOT NULL CHECK (kind IN ('canonical','custom')),
    key     TEXT NOT NULL,
    filled  INTEGER NOT NULL,
    sample,
    PRIMARY KEY (kind, key)
  ) WITHOUT ROWID;
  CREATE TABLE field_stats_state (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    stale  INTEGER NOT NULL
  );
  INSERT INTO field_stats (kind, key, filled, sample) ${fieldStatsSql('customers')};
  INSERT INTO field_stats_state (id, stale) VALUES (1, 0);
  -- Any change to customers not made by a writer that maintains the cache marks it stale.
  CREATE TRIGGER customers_stats_insert AFTER INSERT ON customers WHEN (SELECT stale FROM field_stats_state) = 0
    BEGIN UPDATE field_stats_state SET stale = 1; END;
  CREATE TRIGGER customers_stats_update AFTER UPDATE ON customers WHEN (SELECT stale FROM field_stats_state) = 0
    BEGIN UPDATE field_stats_state SET stale = 1; END;
  CREATE TRIGGER customers_stats_delete AFTER DELETE ON customers WHEN (SELECT stale FROM field_stats_state) = 0
    BEGIN UPDATE field_stats_state SET stale = 1; END;
  `,
  // 3: template history and trash. Rebuilding templates lifts the table-wide UNIQUE(name), so a trashed
  // template keeps its name while a live one may take it; names stay unique among live templates.
  // Nothing references templates(id) before this migration (DROP TABLE would run its ON DELETE actions):
  // a table that does must be created after it.
  `
  CREATE TABLE templates_next (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL COLLATE NOCASE,
    source      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
  );
  INSERT INTO templates_next (id, name, source, created_at, updated_at)
    SELECT id, name, source, created_at, updated_at FROM templates;
  DROP TABLE templates;
  ALTER TABLE templates_next RENAME TO templates;
  CREATE UNIQUE INDEX templates_live_name ON templates(name COLLATE NOCASE) WHERE deleted_at IS NULL;

  -- Saved states of a template. The newest unsealed 'edit' row absorbs autosaves for a while (coalescing);
  -- a sealed row is never changed again.
  CREATE TABLE template_versions (
    id             INTEGER PRIMARY KEY,
    template_id    INTEGER NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
    source         TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('original','edit','restore')),
    restored_from  INTEGER,
    sealed         INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL,
    saved_at       TEXT NOT NULL
  );
  CREATE INDEX template_versions_template ON template_versions(template_id, id);
  `,
  // 4: orders and events through the import. A row whose customer is not in the workspace yet is kept
  // unlinked (customer_id NULL) with the key the file named it by, and attaches when that customer arrives;
  // customer_id loses NOT NULL, which needs a rebuild. Events de-duplicate by content_hash; legacy rows have none.
  // Nothing references orders or events, so DROP TABLE runs no ON DELETE action.
  `
  CREATE TABLE orders_next (
    id              TEXT PRIMARY KEY,
    customer_id     TEXT REFERENCES customers(id) ON DELETE CASCADE,
    -- What the file named the customer by: the external id if it gave one, else the email (lower case).
    customer_key    TEXT NOT NULL,
    customer_email  TEXT,
    ordered_at      TEXT NOT NULL,
    total           REAL NOT NULL,
    currency        TEXT NOT NULL DEFAULT 'USD',
    status          TEXT NOT NULL DEFAULT 'completed',
    items           INTEGER NOT NULL DEFAULT 1,
    category        TEXT,
    -- The file's other columns, by snake_case header.
    attributes      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
    import_id       INTEGER REFERENCES imports(id) ON DELETE SET NULL
  );
  INSERT INTO orders_next (id, customer_id, customer_key, ordered_at, total, currency, status, items, category)
    SELECT id, customer_id, customer_id, ordered_at, total, currency, status, items, category FROM orders;
  DROP TABLE orders;
  ALTER TABLE orders_next RENAME TO orders;
  CREATE INDEX orders_customer ON orders(customer_id, ordered_at);

  CREATE TABLE events_next (
    id              INTEGER PRIMARY KEY,
    customer_id     TEXT REFERENCES customers(id) ON DELETE CASCADE,
    customer_key    TEXT NOT NULL,
    customer_email  TEXT,
    type            TEXT NOT NULL,
    occurred_at     TEXT NOT NULL,
    properties      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(properties)),
    -- sha256 of customer key, type, timestamp, product and value: the same event imported twice is stored once.
    content_hash    TEXT UNIQUE,
    import_id       INTEGER REFERENCES imports(id) ON DELETE SET NULL
  );
  INSERT INTO events_next (id, customer_id, customer_key, type, occurred_at, properties)
    SELECT id, customer_id, customer_id, type, occurred_at, properties FROM events;
  DROP TABLE events;
  ALTER TABLE events_next RENAME TO events;
  CREATE INDEX events_customer ON events(customer_id, occurred_at);

  ALTER TABLE imports ADD COLUMN rows_unlinked INTEGER NOT NULL DEFAULT 0;
  -- The first unlinked rows as JSON [{line, customerKey}], for the report.
  ALTER TABLE imports ADD COLUMN unlinked_sample TEXT NOT NULL DEFAULT '[]';
  `,
  // 5: field types. Values stay text; each field records its type and the ParseContext (JSON) its values are
  // read with, set by the first import that brings the field in (locale NULL: not typed yet, read as text),
  // and a warning when a later import's column disagreed. Canonical fields have fixed types.
  `
  ALTER TABLE customer_fields ADD COLUMN type TEXT NOT NULL DEFAULT 'text';
  ALTER TABLE customer_fields ADD COLUMN locale TEXT;
  ALTER TABLE customer_fields ADD COLUMN warning TEXT;
  CREATE TABLE canonical_field_types (
    key      TEXT PRIMARY KEY,
    type     TEXT NOT NULL,
    locale   TEXT,
    warning  TEXT
  ) WITHOUT ROWID;
  INSERT INTO canonical_field_types (key, type) VALUES
    ('id', 'text'), ('email', 'email'), ('first_name', 'text'), ('last_name', 'text'), ('phone', 'phone'),
    ('birth_date', 'date'), ('gender', 'text'), ('city', 'text'), ('country', 'country');
  `,
  // 6: import mappings saved per header signature (sha256 of the normalised header row and the entity), proposed
  // by the import wizard for the next file with the same header. settings is a mapping file (shared/imports/mapping-file.ts).
  `
  CREATE TABLE import_mappings (
    signature  TEXT NOT NULL,
    entity     TEXT NOT NULL,
    settings   TEXT NOT NULL CHECK (json_valid(settings)),
    saved_at   TEXT NOT NULL,
    PRIMARY KEY (signature, entity)
  ) WITHOUT ROWID;
  `,
  // 7: validation rules. A workspace stores only the rules it changed (the rest keep their defaults, so a
  // rule added later needs no migration). Every finding of an import (flag or reject, with its rule) is kept
  // per line; a rejected row's reasons are its reject findings. Flags of imported customers live with the
  // customer (no foreign key, so a later rebuild of customers cannot cascade into them; a stale flag matches
  // nobody). `source` is the file's header as read ({ fields, delimiter }), so rejected rows can be written back
  // out under it; `rule_counts` is [{ rule, flagged, rejected }], computed once when the import commits.
  `
  CREATE TABLE validation_rules (
    name     TEXT PRIMARY KEY,
    action   TEXT NOT NULL CHECK (action IN ('reject','flag','off')),
    options  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options))
  ) WITHOUT ROWID;
  CREATE TABLE import_findings (
    import_id   INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    line        INTEGER NOT NULL,
    rule        TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('reject','flag')),
    message     TEXT NOT NULL,
    suggestion  TEXT
  );
  CREATE INDEX import_findings_import ON import_findings(import_id, line);
  CREATE TABLE customer_flags (
    customer_id  TEXT NOT NULL,
    import_id    INTEGER,
    rule         TEXT NOT NULL,
    message      TEXT NOT NULL,
    suggestion   TEXT
  );
  CREATE INDEX customer_flags_customer ON customer_flags(customer_id);
  ALTER TABLE imports ADD COLUMN source TEXT;
  ALTER TABLE imports ADD COLUMN rows_flagged INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE imports ADD COLUMN rule_counts TEXT NOT NULL DEFAULT '[]';
  `,
  // 8: incremental import and undo. The policy a customers import ran with (JSON, NULL: overwrite), when an import
  // was undone, and what undo needs: the stamp (updated_at) and number of rows the import wrote, to tell whether a
  // later change touched them, and pre-images of the rows it changed (JSON of the whole row, so columns added by
  // later migrations come along), the field catalogue as it was, and the earlier orders and events it attached.
  `
  ALTER TABLE imports ADD COLUMN policy TEXT;
  ALTER TABLE imports ADD COLUMN undone_at TEXT;
  ALTER TABLE imports ADD COLUMN undo_stamp TEXT;
  ALTER TABLE imports ADD COLUMN undo_touched INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE import_undo_rows (
    import_id  INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    -- customers, orders, customer_fields, canonical_field_types (pre-images), or orders_link, events_link (attached rows).
    tbl        TEXT NOT NULL,
    key        TEXT NOT NULL,
    row        TEXT NOT NULL,
    PRIMARY KEY (import_id, tbl, key)
  ) WITHOUT ROWID;
  `,
  // 9: the latest data audit (shared/audit/report.ts), so the Audit view and `tailor audit` open on it without rescanning.
  `
  CREATE TABLE audit_reports (
    id          INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL,
    report      TEXT NOT NULL CHECK (json_valid(report))
  );
  `,
  // 10: de-duplication. Candidate pairs found by a dedup run (customer ids a < b, score, explanation, per-field
  // outcomes), reviewers' "not a duplicate" decisions (kept apart from the pairs so a new run never proposes
  // them again), merges with provenance (both records as they were, which value came from where, what moved)
  // so a merge can be undone exactly, and the survivorship settings. No foreign keys to customers: a pair or
  // merge outlives the customer a merge removed, and comes back with it on undo.
  `
  CREATE TABLE dedup_pairs (
    id           INTEGER PRIMARY KEY,
    a            TEXT NOT NULL,
    b            TEXT NOT NULL,
    score        REAL NOT NULL,
    weight       REAL NOT NULL,
    explanation  TEXT NOT NULL,
    fields       TEXT NOT NULL CHECK (json_valid(fields)),
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','skipped','merged')),
    found_at     TEXT NOT NULL,
    UNIQUE (a, b)
  );
  CREATE INDEX dedup_pairs_queue ON dedup_pairs(status, score DESC);
  CREATE INDEX dedup_pairs_b ON dedup_pairs(b);

  CREATE TABLE dedup_decisions (
    a           TEXT NOT NULL,
    b           TEXT NOT NULL,
    decision    TEXT NOT NULL CHECK (decision IN ('distinct')),
    decided_at  TEXT NOT NULL,
    PRIMARY KEY (a, b)
  ) WITHOUT ROWID;

  CREATE TABLE dedup_merges (
    id               INTEGER PRIMARY KEY,
    survivor_id      TEXT NOT NULL,
    merged_id        TEXT NOT NULL,
    pair_id          INTEGER,
    score            REAL,
    automatic        INTEGER NOT NULL,
    -- The survivorship settings used, and per field the value kept, the record it came from and why (JSON).
    rules            TEXT NOT NULL CHECK (json_valid(rules)),
    chosen           TEXT NOT NULL CHECK (json_valid(chosen)),
    -- Both customer rows exactly as they were before the merge (every column), for undo.
    survivor_before  TEXT NOT NULL CHECK (json_valid(survivor_before)),
    merged_before    TEXT NOT NULL CHECK (json_valid(merged_before)),
    -- Ids of the orders and events (and personas) that moved to the survivor.
    moved            TEXT NOT NULL CHECK (json_valid(moved)),
    merged_at        TEXT NOT NULL,
    undone_at        TEXT
  );
  CREATE INDEX dedup_merges_survivor ON dedup_merges(survivor_id, id);
  CREATE INDEX dedup_merges_merged ON dedup_merges(merged_id, id);

  CREATE TABLE dedup_settings (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    rules  TEXT NOT NULL CHECK (json_valid(rules))
  );
  `,
  // 11: typed values stored. customers.typed holds each typed field's value (number, boolean, ISO date, E.164,
  // {amount, currency}, {code, name}) as a JSON object by key; the text columns and attributes keep the original.
  // Written by the import for the customers it touched, and by a field type change for the field's customers.
  // The statistics trigger now watches the text columns only: typed values change no fill count or sample.
  // Workspaces typed by migration 5 have values to compute, which SQL cannot parse: typed_state.backfill asks
  // the first open to do it (typed-values.ts).
  `
  ALTER TABLE customers ADD COLUMN typed TEXT CHECK (typed IS NULL OR json_valid(typed));
  DROP TRIGGER customers_stats_update;
  CREATE TRIGGER customers_stats_update
    AFTER UPDATE OF id, email, first_name, last_name, phone, birth_date, gender, city, country, attributes ON customers
    WHEN (SELECT stale FROM field_stats_state) = 0
    BEGIN UPDATE field_stats_state SET stale = 1; END;
  CREATE TABLE typed_state (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    backfill  INTEGER NOT NULL
  );
  INSERT INTO typed_state (id, backfill) VALUES (1,
    EXISTS (SELECT 1 FROM customer_fields WHERE locale IS NOT NULL) OR EXISTS (SELECT 1 FROM canonical_field_types WHERE locale IS NOT NULL));
  `,
  // 12: a customer's flags go with it. customer_flags has no foreign key (migration 7), so a deleted or merged-away
  // customer left its flags behind, and a customer created later with that id would have shown them.
  `
  DELETE FROM customer_flags WHERE customer_id NOT IN (SELECT id FROM customers);
  CREATE TRIGGER customers_flags_delete AFTER DELETE ON customers
    BEGIN DELETE FROM customer_flags WHERE customer_id = old.id; END;
  `,
  // 13: computed scores. One row per customer and score (token name, shared/scores/score-names.ts): a number or a
  // label. score_runs records, per model, the as-of date and model version its scores were computed at, with the
  // settings used and a summary for the model's view. A model run replaces all its scores in one transaction.
  `
  CREATE TABLE customer_scores (
    score        TEXT NOT NULL,
    customer_id  TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    value        REAL,
    label        TEXT,
    PRIMARY KEY (score, customer_id)
  ) WITHOUT ROWID;
  CREATE INDEX customer_scores_customer ON customer_scores(customer_id);
  CREATE TABLE score_runs (
    model          TEXT PRIMARY KEY,
    as_of          TEXT NOT NULL,
    model_version  TEXT NOT NULL,
    settings       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
    summary        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(summary)),
    computed_at    TEXT NOT NULL
  );
  `,
  // 14: dynamic and static segments. A segment has a kind, an optional as-of date, and the counts of its last two
  // refreshes ("change since last refresh"); a static segment's members are the snapshot its last save or refresh
  // took. The indexes serve rule conditions over activity: orders in a window (by date, then customer), events of a
  // type in a window, and events of a type in a category (a column copied from properties.category).
  `
  ALTER TABLE segments ADD COLUMN kind TEXT NOT NULL DEFAULT 'dynamic' CHECK (kind IN ('dynamic', 'static'));
  ALTER TABLE segments ADD COLUMN as_of TEXT;
  ALTER TABLE segments ADD COLUMN refreshed_at TEXT;
  ALTER TABLE segments ADD COLUMN previous_count INTEGER;
  ALTER TABLE segments ADD COLUMN last_count INTEGER;
  CREATE TABLE segment_snapshots (
    segment_id   INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    customer_id  TEXT NOT NULL,
    PRIMARY KEY (segment_id, customer_id)
  ) WITHOUT ROWID;
  CREATE INDEX orders_ordered_at ON orders(ordered_at, customer_id);
  CREATE INDEX events_type_time ON events(type, occurred_at, customer_id);
  -- The category the events import keeps in properties, copied into a column of its own (the import writes both), so
  -- an index covers "events of a type in a category in a window": SQLite never treats an index over an expression or
  -- a generated column as covering. Adding it in place would leave it NULL, so the table is rebuilt; nothing
  -- references events, so DROP TABLE runs no ON DELETE action.
  CREATE TABLE events_next (
    id              INTEGER PRIMARY KEY,
    customer_id     TEXT REFERENCES customers(id) ON DELETE CASCADE,
    customer_key    TEXT NOT NULL,
    customer_email  TEXT,
    type            TEXT NOT NULL,
    occurred_at     TEXT NOT NULL,
    properties      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(properties)),
    -- sha256 of customer key, type, timestamp, product and value: the same event imported twice is stored once.
    content_hash    TEXT UNIQUE,
    import_id       INTEGER REFERENCES imports(id) ON DELETE SET NULL,
    -- properties.category, for segment rules.
    category        TEXT
  );
  INSERT INTO events_next (id, customer_id, customer_key, customer_email, type, occurred_at, properties, content_hash, import_id, category)
    SELECT id, customer_id, customer_key, customer_email, type, occurred_at, properties, content_hash, import_id, properties ->> '$.category'
    FROM events;
  DROP TABLE events;
  ALTER TABLE events_next RENAME TO events;
  CREATE INDEX events_customer ON events(customer_id, occurred_at);
  CREATE INDEX events_type_time ON events(type, occurred_at, customer_id);
  CREATE INDEX events_type_category ON events(type, category COLLATE NOCASE, occurred_at, customer_id);
  `,
  // 15: a scoring model's saved settings (RFM: bins, method, tier rules), kept apart from score_runs, which only a
  // finished run writes: settings are edited before the first run and survive a cancelled one.
  `
  CREATE TABLE score_settings (
    model       TEXT PRIMARY KEY,
    settings    TEXT NOT NULL CHECK (json_valid(settings)),
    updated_at  TEXT NOT NULL
  );
  `,
  // 16: the per-ESP field map a workspace saved: which attribute a Tailor token (field, score, segment:<name>) is
  // called at that ESP. Only the names the user changed are stored; the rest follow the suggestions.
  `
  CREATE TABLE esp_field_maps (
    esp         TEXT NOT NULL CHECK (esp IN ('braze', 'klaviyo', 'hubspot', 'sfmc', 'mailchimp')),
    token       TEXT NOT NULL,
    attribute   TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (esp, token)
  ) WITHOUT ROWID;
  `,
  // 17: the email lint's settings (clients to check, required UTM parameters), one row per workspace.
  `
  CREATE TABLE lint_settings (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    settings    TEXT NOT NULL CHECK (json_valid(settings)),
    updated_at  TEXT NOT NULL
  );
  `,
  // 18: authoring. Partials are blocks templates include by name ({% render 'footer' %}); the token dictionary maps the
  // names designers write to fields, with a fallback and a format; a template's A/B variants (name, split, subject).
  `
  CREATE TABLE partials (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    source      TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  );
  CREATE TABLE token_dictionary (
    name        TEXT PRIMARY KEY,
    position    INTEGER NOT NULL,
    field       TEXT NOT NULL,
    fallback    TEXT,
    format      TEXT NOT NULL DEFAULT 'text',
    format_arg  TEXT
  );
  CREATE TABLE template_variants (
    template_id INTEGER NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    split       INTEGER NOT NULL CHECK (split BETWEEN 0 AND 100),
    subject     TEXT,
    PRIMARY KEY (template_id, position)
  ) WITHOUT ROWID;
  `,
  // 19: hand-made personas (a typed-in profile, kind 'profile') and bulk QA reports, kept per template version.
  // The personas table is rebuilt because its CHECK names the kinds; nothing references it.
  `
  CREATE TABLE personas_next (
    id           INTEGER PRIMARY KEY,
    label        TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('customer','segment','profile')),
    customer_id  TEXT,
    segment_id   INTEGER REFERENCES segments(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    profile      TEXT CHECK (profile IS NULL OR json_valid(profile)),
    CHECK ((kind = 'customer' AND customer_id IS NOT NULL) OR (kind = 'segment' AND segment_id IS NOT NULL)
      OR (kind = 'profile' AND profile IS NOT NULL))
  );
  INSERT INTO personas_next (id, label, kind, customer_id, segment_id, position)
    SELECT id, label, kind, customer_id, segment_id, position FROM personas;
  DROP TABLE personas;
  ALTER TABLE personas_next RENAME TO personas;
  CREATE TABLE qa_reports (
    id           INTEGER PRIMARY KEY,
    template_id  INTEGER NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
    -- The template_versions entry checked (null when the template had no history yet).
    version_id   INTEGER,
    source_hash  TEXT NOT NULL,
    -- NULL: the whole workspace.
    segment_id   INTEGER,
    report       TEXT NOT NULL CHECK (json_valid(report)),
    checked_at   TEXT NOT NULL
  );
  CREATE INDEX qa_reports_template ON qa_reports(template_id, segment_id, id);
  `,
  // 20: workspace-wide settings by key. 'default_as_of' is the day segments and scores are evaluated at when none is
  // given: the demo's data end the day before its fixed reference day, so it keeps that day instead of today. A demo
  // made before this migration is recognised by its segments' fixed creation time (a user's never lands on it).
  `
  CREATE TABLE workspace_settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO workspace_settings (key, value)
    SELECT 'default_as_of', '2026-11-01' WHERE EXISTS (
      SELECT 1 FROM segments WHERE name = 'Lapsed customers' AND created_at = '2026-11-01T00:00:00.000Z');
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
