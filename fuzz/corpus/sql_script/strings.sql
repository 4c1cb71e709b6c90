SELECT 'it''s', E'a\'b', U&'d\0061t\+000061' UESCAPE '!', B'101', X'1F', N'nat';
SELECT "quoted ""ident""", U&"d!0061t" UESCAPE '!';
