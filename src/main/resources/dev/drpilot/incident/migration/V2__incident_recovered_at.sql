-- When the service was back (the RTO clock stopped): set by an INCIDENT_RECOVERED event, cleared
-- by INCIDENT_REOPENED. closed_at is set by INCIDENT_CLOSED and cleared by INCIDENT_REOPENED too.
ALTER TABLE incidents ADD COLUMN recovered_at BIGINT;
