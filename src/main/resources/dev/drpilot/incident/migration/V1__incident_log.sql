-- The incident log. Events are append-only: the store has no code path that updates or deletes
-- them, so a correction is always a new event that names the one it corrects.
CREATE TABLE incidents (
    id                  VARCHAR(40)  PRIMARY KEY,
    runbook_id          VARCHAR(100) NOT NULL,
    title               VARCHAR(300) NOT NULL,
    mode                VARCHAR(12)  NOT NULL,
    severity            VARCHAR(20),
    commander           VARCHAR(200),
    declared_at         BIGINT       NOT NULL,
    failure_started_at  BIGINT,
    closed_at           BIGINT
);

CREATE TABLE events (
    incident_id   VARCHAR(40)  NOT NULL REFERENCES incidents (id),
    sequence      BIGINT       NOT NULL,
    time_ms       BIGINT       NOT NULL,
    kind          VARCHAR(40)  NOT NULL,
    actor         VARCHAR(400),
    step_id       VARCHAR(100),
    payload       CLOB         NOT NULL,
    corrects      BIGINT,
    occurred_at   BIGINT,
    previous_hash CHAR(64)     NOT NULL,
    hash          CHAR(64)     NOT NULL,
    PRIMARY KEY (incident_id, sequence)
);
