def get_version():
    return "v2"
