-- What several instances on one database share so that a repeat is recognised whichever instance
-- it reaches (V2 is the call store's).

-- One row per tool call run, keyed by call id and tool call id (ToolResultStore): the instance
-- that inserts the key runs the tool (state 'running'), then stores its result ('done'); claim
-- names that run, so that a run whose instance died can be taken over (a new claim) and the late
-- result of the old run is not stored over it. Rows are deleted once started_at is older than
-- vapi.tools.idempotency.ttl.
CREATE TABLE tool_call_run
(
  call_id      TEXT NOT NULL,
  tool_call_id TEXT NOT NULL,
  fingerprint  TEXT NOT NULL,
  state        TEXT NOT NULL, -- 'running' or 'done'
  claim        TEXT NOT NULL,
  result       TEXT,
  started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at  TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (call_id, tool_call_id)
);
CREATE INDEX tool_call_run_by_started_at_idx ON tool_call_run (started_at);

-- The HMAC plan's message ids seen inside the replay window, with the signature of the request
-- that carried each: the same id under another signature is refused. Rows are deleted once
-- expired.
CREATE TABLE seen_message_id
(
  message_id TEXT NOT NULL,
  signature  TEXT NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (message_id)
);
CREATE INDEX seen_message_id_by_expires_at_idx ON seen_message_id (expires_at);
