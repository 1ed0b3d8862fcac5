-- The last error of each failed delivery, for GET /api/deliveries/failed: one row per event
-- publication (event_publication.id) whose listener threw, replaced at each failure and deleted
-- with its publication.
CREATE TABLE delivery_failure
(
  publication_id UUID NOT NULL,
  failed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  error          TEXT NOT NULL,
  PRIMARY KEY (publication_id)
);
