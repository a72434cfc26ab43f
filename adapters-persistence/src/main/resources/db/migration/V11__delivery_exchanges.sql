-- A delivery's HTTP detail for its log (issue 12): the request as last sent, and each attempt's
-- response headers. Kept apart from deliveries and delivery_attempts so the hot queue rows stay
-- small; rows go with their delivery (ON DELETE CASCADE), so retention and webhook deletion need
-- nothing more.
--  * headers: "name: value" lines; custom header values are stored as "(redacted)", never in clear.
--  * body: NULL when it was the event's stored MSR envelope unchanged (not stored twice).
CREATE TABLE delivery_requests (
    delivery_id UUID    NOT NULL PRIMARY KEY REFERENCES deliveries (id) ON DELETE CASCADE,
    headers     VARCHAR NOT NULL,
    body        VARCHAR
);

CREATE TABLE delivery_response_headers (
    delivery_id UUID    NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    number      INT     NOT NULL,
    headers     VARCHAR NOT NULL,
    PRIMARY KEY (delivery_id, number)
);
