def get_version():
    return "v1"
