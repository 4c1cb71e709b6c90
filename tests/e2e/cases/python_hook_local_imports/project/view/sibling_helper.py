def message():
    return "from view/sibling_helper.py"
