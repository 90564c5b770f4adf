-- Who is on an incident, from which laptop, in which role. Times are the server's (now()), so a
-- laptop whose clock runs ahead or behind is neither gone too early nor present too long.
CREATE TABLE responders (
    incident_id  VARCHAR(40)  NOT NULL,
    -- the laptop whose DR Pilot joined: one responder per laptop and incident
    laptop_id    VARCHAR(64)  NOT NULL,
    responder    VARCHAR(200) NOT NULL,
    role         VARCHAR(20)  NOT NULL CHECK (role IN ('commander', 'operator', 'scribe', 'observer')),
    joined_at    TIMESTAMPTZ  NOT NULL,
    -- null while on the incident; set when the responder leaves (and cleared when they join again)
    left_at      TIMESTAMPTZ,
    -- moved on by the laptop's heartbeat: a responder silent for longer than a few heartbeats is gone
    last_seen_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (incident_id, laptop_id)
);
