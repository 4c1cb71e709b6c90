CREATE SCHEMA pipes_od;
