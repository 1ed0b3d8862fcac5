-- The call store: one row per call, written as its status updates and end-of-call report arrive,
-- in any order and any number of times (upserts). Times are kept to the microsecond, as on
-- PostgreSQL, so that a page cursor means the same row on both. Long texts are unbounded (a
-- transcript or a raw report of a long call is hundreds of kilobytes). Retention empties the
-- columns marked (personal) and sets purged_at; ids, times, duration, costs and the ended reason stay.
CREATE TABLE call_record
(
  call_id            VARCHAR NOT NULL,
  assistant_id       VARCHAR,
  phone_number_id    VARCHAR,
  customer_number    VARCHAR,                      -- (personal)
  started_at         TIMESTAMP WITH TIME ZONE,
  ended_at           TIMESTAMP WITH TIME ZONE,
  duration_ms        BIGINT,
  ended_reason       VARCHAR,
  cost               NUMERIC(20, 10),
  cost_breakdown     CHARACTER LARGE OBJECT,       -- JSON: call.costBreakdown
  costs              CHARACTER LARGE OBJECT,       -- JSON: the report's costs
  summary            CHARACTER LARGE OBJECT,       -- (personal)
  structured_data    CHARACTER LARGE OBJECT,       -- (personal) JSON
  success_evaluation CHARACTER LARGE OBJECT,       -- (personal)
  transcript         CHARACTER LARGE OBJECT,       -- (personal)
  recording_urls     CHARACTER LARGE OBJECT,       -- (personal) JSON; never the presigned URLs
  report             CHARACTER LARGE OBJECT,       -- (personal) JSON: the report's message object
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
  call_id     VARCHAR NOT NULL,
  status      VARCHAR NOT NULL,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (call_id, status),
  FOREIGN KEY (call_id) REFERENCES call_record (call_id)
);
