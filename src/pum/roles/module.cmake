# pum_roles renders `role list --json` with nlohmann_json (also used to pass name lists to the
# server as one JSON parameter).
target_link_libraries(pum_roles PUBLIC nlohmann_json::nlohmann_json)
