-- The team log: every responder's incident-log events, each as its laptop wrote it (same fields,
-- same hash), so each laptop's chain verifies here as it does in its own log. The payload is text,
-- not jsonb: jsonb would reorder its keys and the hash would no longer match.
CREATE TABLE team_events (
    -- the event's id: the hash its laptop gave it, so a second push of the same event is a no-op
    event_id        CHAR(64)     PRIMARY KEY,
    -- assigned here, under one lock (TeamLogStore.append), so numbers commit in order and every laptop reads one order
    merged_order    BIGSERIAL    NOT NULL UNIQUE,
    incident_id     VARCHAR(40)  NOT NULL,
    laptop_id       VARCHAR(64)  NOT NULL,
    responder       VARCHAR(200) NOT NULL,
    writer_sequence BIGINT       NOT NULL,
    time_ms         BIGINT       NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    actor           VARCHAR(400),
    step_id         VARCHAR(100),
    payload         TEXT         NOT NULL,
    corrects        BIGINT,
    occurred_at     BIGINT,
    previous_hash   CHAR(64)     NOT NULL,
    hash            CHAR(64)     NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- a laptop that sends a different event under a number it already used is refused, never merged silently
    UNIQUE (incident_id, laptop_id, writer_sequence)
);

CREATE INDEX team_events_by_incident ON team_events (incident_id, merged_order);

-- Append-only, as the local log: a correction is a new event.
CREATE FUNCTION team_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the team log is append-only: a correction is a new event';
END
$$;

CREATE TRIGGER team_events_append_only BEFORE UPDATE OR DELETE ON team_events
    FOR EACH ROW EXECUTE FUNCTION team_events_append_only();
