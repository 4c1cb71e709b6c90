def message():
    return "from app/local_helper.py"
