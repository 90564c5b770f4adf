-- Readiness results between incidents (docs/decisions/0008-readiness-in-the-log.md): one row per
-- run of `drpilot readiness` or the window's check, outside any incident. Append-only, as the
-- events are: each row holds the SHA-256 of its content and of the row before it.
CREATE TABLE readiness_checks (
    sequence      BIGINT       PRIMARY KEY,
    checked_at    BIGINT       NOT NULL,
    actor         VARCHAR(400),
    report        CLOB         NOT NULL,
    previous_hash CHAR(64)     NOT NULL,
    hash          CHAR(64)     NOT NULL
);
