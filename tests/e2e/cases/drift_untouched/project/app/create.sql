CREATE SCHEMA meter_app;
CREATE VIEW meter_app.latest AS
  SELECT id, value, unit FROM meter.reading ORDER BY id DESC LIMIT 10;
