SELECT a->>'k', b::text, c @> d, e !~~* f, g || h, -1, ~2 FROM t WHERE x <> y;
