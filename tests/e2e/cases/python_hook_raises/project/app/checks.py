def check_count(count):
    if count != 42:
        raise ValueError(f"expected 42 rows, found {count}")
