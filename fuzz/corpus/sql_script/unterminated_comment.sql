SELECT 1; /* /* */
