-- Spring Modulith's JDBC event publication registry (schema version 2 of Spring Modulith 2.0):
-- one row per message and durable listener, completed once the listener returned.
CREATE TABLE event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
CREATE INDEX event_publication_by_status_idx ON event_publication (status);

-- The key of each message already received (call id and type of an end-of-call report, call id and
-- status of a status update, the HMAC plan's message id), so that a repeat is acknowledged without
-- being delivered twice.
CREATE TABLE received_message
(
  message_key TEXT NOT NULL,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (message_key)
);
CREATE INDEX received_message_by_received_at_idx ON received_message (received_at);
