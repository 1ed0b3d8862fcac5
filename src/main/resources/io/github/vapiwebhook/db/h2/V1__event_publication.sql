-- Spring Modulith's JDBC event publication registry (schema version 2 of Spring Modulith 2.0):
-- one row per message and durable listener, completed once the listener returned. Unlike Spring
-- Modulith's own H2 script, the serialized event is not limited to 4000 characters: an
-- end-of-call report of a long call is hundreds of kilobytes.
CREATE TABLE event_publication
(
  id                     UUID NOT NULL,
  completion_date        TIMESTAMP(9) WITH TIME ZONE,
  event_type             VARCHAR(512) NOT NULL,
  listener_id            VARCHAR(512) NOT NULL,
  publication_date       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  serialized_event       CHARACTER LARGE OBJECT NOT NULL,
  status                 VARCHAR(20),
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP(9) WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
CREATE INDEX event_publication_by_status_idx ON event_publication (status);

-- The key of each message already received (call id and type of an end-of-call report, call id and
-- status of a status update, the HMAC plan's message id), so that a repeat is acknowledged without
-- being delivered twice.
CREATE TABLE received_message
(
  message_key VARCHAR(1024) NOT NULL,
  received_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  PRIMARY KEY (message_key)
);
CREATE INDEX received_message_by_received_at_idx ON received_message (received_at);
