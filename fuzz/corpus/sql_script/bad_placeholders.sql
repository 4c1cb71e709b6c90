SELECT {unknown};
SELECT {};
SELECT {0};
SELECT {a:x}, {a!r}, {a.b}, {a[0]};
SELECT }{;
