-- Who drives each incident: the one DR Pilot (a window, or the command line) that may run its
-- steps. A row per driven incident; its holder refreshes the heartbeat while it lives, and a claim
-- whose heartbeat is older than 15 s is stale. Releasing a claim deletes its row; taking one over
-- is also an event in the log.
CREATE TABLE drivers (
    incident_id  VARCHAR(40)  PRIMARY KEY REFERENCES incidents (id),
    seat         VARCHAR(40)  NOT NULL,
    who          VARCHAR(200) NOT NULL,
    host         VARCHAR(200) NOT NULL,
    pid          BIGINT       NOT NULL,
    since        BIGINT       NOT NULL,
    heartbeat    BIGINT       NOT NULL
);
