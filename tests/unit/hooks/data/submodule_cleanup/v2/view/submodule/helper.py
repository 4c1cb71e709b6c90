def get_value():
    return "value_from_submodule_v2"
