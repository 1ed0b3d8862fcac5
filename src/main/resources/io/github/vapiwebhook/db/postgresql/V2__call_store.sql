-- The call store: one row per call, written as its status updates and end-of-call report arrive,
-- in any order and any number of times (upserts). Retention empties the columns marked (personal)
-- and sets purged_at; ids, times, duration, costs and the ended reason stay.
CREATE TABLE call_record
(
  call_id            TEXT NOT NULL,
  assistant_id       TEXT,
  phone_number_id    TEXT,
  customer_number    TEXT,                         -- (personal)
  started_at         TIMESTAMP WITH TIME ZONE,
  ended_at           TIMESTAMP WITH TIME ZONE,
  duration_ms        BIGINT,
  ended_reason       TEXT,
  cost               NUMERIC(20, 10),
  cost_breakdown     TEXT,                         -- JSON: call.costBreakdown
  costs              TEXT,                         -- JSON: the report's costs
  summary            TEXT,                         -- (personal)
  structured_data    TEXT,                         -- (personal) JSON
  success_evaluation TEXT,                         -- (personal)
  transcript         TEXT,                         -- (personal)
  recording_urls     TEXT,                         -- (personal) JSON; never the presigned URLs
  report             TEXT,                         -- (personal) JSON: the report's message object
  report_received_at TIMESTAMP WITH TIME ZONE,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  purged_at          TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (call_id)
);
-- the order of GET /api/calls and its cursor
CREATE INDEX call_record_by_created_at_idx ON call_record (created_at, call_id);
CREATE INDEX call_record_by_started_at_idx ON call_record (started_at);

-- The status timeline: each status of a call once, at the earliest time it was reported.
CREATE TABLE call_status
(
  call_id     TEXT NOT NULL,
  status      TEXT NOT NULL,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (call_id, status),
  FOREIGN KEY (call_id) REFERENCES call_record (call_id)
);
