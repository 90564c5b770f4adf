-- Second-person approvals (issue 17, item 5): a laptop asks for one before a step marked
-- `approval: second-person` runs; another responder decides it with `drpilot approve`. A request is
-- decided once, and never by the responder who made it: the database refuses both, whatever the
-- client.
CREATE TABLE approvals (
    request_id   VARCHAR(64)  PRIMARY KEY,
    incident_id  VARCHAR(40)  NOT NULL,
    step_id      VARCHAR(100) NOT NULL,
    requested_by VARCHAR(200) NOT NULL,
    laptop_id    VARCHAR(64)  NOT NULL,
    command      TEXT         NOT NULL,
    target       TEXT         NOT NULL,
    account      TEXT         NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    decided_by   VARCHAR(200),
    decision     VARCHAR(10),
    reason       TEXT,
    decided_at   TIMESTAMPTZ,
    CONSTRAINT approvals_decision CHECK (decision IN ('approved', 'refused')),
    CONSTRAINT approvals_decided_whole CHECK (
        (decided_by IS NULL AND decision IS NULL AND reason IS NULL AND decided_at IS NULL)
        OR (decided_by IS NOT NULL AND decision IS NOT NULL AND reason IS NOT NULL AND decided_at IS NOT NULL)),
    CONSTRAINT approvals_second_person CHECK (decided_by <> requested_by)
);

CREATE INDEX approvals_by_step ON approvals (incident_id, step_id, requested_at);

-- A request is decided once; what it asked never changes, and nothing is deleted.
CREATE FUNCTION approvals_decided_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.decision IS NOT NULL
        OR NEW.request_id <> OLD.request_id OR NEW.incident_id <> OLD.incident_id OR NEW.step_id <> OLD.step_id
        OR NEW.requested_by <> OLD.requested_by OR NEW.laptop_id <> OLD.laptop_id OR NEW.command <> OLD.command
        OR NEW.target <> OLD.target OR NEW.account <> OLD.account OR NEW.requested_at <> OLD.requested_at THEN
        RAISE EXCEPTION 'an approval request is decided once and never changed';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER approvals_decided_once BEFORE UPDATE OR DELETE ON approvals
    FOR EACH ROW EXECUTE FUNCTION approvals_decided_once();
