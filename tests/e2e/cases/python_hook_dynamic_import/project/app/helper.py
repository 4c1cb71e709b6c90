def message():
    return "imported inside run_hook"
