raise SystemExit("not a changelog")
