-- One runner per step (issue 17): the laptop that runs a step of an incident holds its lease here. A lease
-- lives while its laptop renews it; once it has expired (the laptop vanished), another may take it. Every time
-- is the server's (now()), so the laptops' clocks do not matter. A step that succeeded keeps its row with no
-- end (expires_at 'infinity'), so no other laptop runs it again.
CREATE TABLE step_leases (
    incident_id VARCHAR(40)  NOT NULL,
    step_id     VARCHAR(100) NOT NULL,
    laptop_id   VARCHAR(64)  NOT NULL,
    responder   VARCHAR(200) NOT NULL,
    acquired_at TIMESTAMPTZ  NOT NULL,
    renewed_at  TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    -- when the holder ran the step to success: then expires_at is 'infinity'
    succeeded_at TIMESTAMPTZ,
    PRIMARY KEY (incident_id, step_id)
);
