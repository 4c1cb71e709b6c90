#pragma once

// Small file helpers for the end-to-end tests. All throw std::runtime_error on failure.

#include <string>

namespace e2e {

// Creates a fresh directory under $TMPDIR (or /tmp) named `<prefix>-XXXXXX`; returns its path.
std::string make_temp_dir(const std::string& prefix);
// Copies a directory tree (files, directories, symlinks as links).
void copy_tree(const std::string& from, const std::string& to);
// Removes a file or a directory tree; no error when it does not exist.
void remove_all(const std::string& path);
// Writes a file, creating its parent directories.
void write_text_file(const std::string& path, const std::string& content);
std::string read_text_file(const std::string& path);
bool path_exists(const std::string& path);

}  // namespace e2e
