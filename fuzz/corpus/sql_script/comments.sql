-- a comment; with a semicolon
/* block /* nested */ still; comment */ SELECT 1; -- tail
/* {placeholder} in a comment */
