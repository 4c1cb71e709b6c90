#include "pum/hooks/python_dependencies.hpp"

#include <fmt/format.h>

#include <cctype>

#include "pum/changelog/version.hpp"

namespace pum::hooks {

std::string requirement(const config::Dependency& dependency) {
  std::string text = dependency.name;
  if (dependency.minimum_version) text += ">=" + *dependency.minimum_version;
  if (dependency.minimum_version && dependency.maximum_version) text += ",";
  if (dependency.maximum_version) text += "<=" + *dependency.maximum_version;
  return text;
}

namespace {

// Debian names Python distributions python3-<name>, lower-case, '_' and '.' as '-'.
std::string debian_package(const std::string& name) {
  std::string package = "python3-";
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    package += (c == '_' || c == '.') ? '-' : static_cast<char>(std::tolower(u));
  }
  return package;
}

std::string install_hint(const config::Dependency& dependency, const std::string& python) {
  return fmt::format(
      "pum installs nothing itself: install {} for {}, e.g. `apt install {}` if your "
      "distribution packages it under that name (`apt-cache search {}`), or `pip install '{}'`",
      requirement(dependency), python, debian_package(dependency.name), dependency.name,
      requirement(dependency));
}

}  // namespace

std::optional<Error> dependency_problem(const config::Config& config,
                                        const config::Dependency& dependency,
                                        const std::optional<std::string>& installed,
                                        const std::string& python) {
  SourceLocation where = config.location(dependency.mark);
  if (!installed) {
    return Error(fmt::format("Python dependency '{}' is not installed", dependency.name), where)
        .hint(install_hint(dependency, python));
  }
  auto version = Version::parse(*installed);
  if (!version) {
    return Error(fmt::format("Python dependency '{}' is installed in version '{}', which is not "
                             "a PEP 440 version and cannot be compared with the required {}",
                             dependency.name, *installed, requirement(dependency)),
                 where)
        .hint(install_hint(dependency, python));
  }
  if (dependency.minimum_version) {
    auto minimum = Version::parse(*dependency.minimum_version);
    if (minimum && *version < *minimum) {
      return Error(fmt::format("Python dependency '{}' is installed in version {}, which is lower "
                               "than the minimum required {}",
                               dependency.name, *installed, *dependency.minimum_version),
                   where)
          .hint(install_hint(dependency, python));
    }
  }
  if (dependency.maximum_version) {
    auto maximum = Version::parse(*dependency.maximum_version);
    if (maximum && *version > *maximum) {
      return Error(fmt::format("Python dependency '{}' is installed in version {}, which is "
                               "higher than the maximum allowed {}",
                               dependency.name, *installed, *dependency.maximum_version),
                   where)
          .hint(install_hint(dependency, python));
    }
  }
  return std::nullopt;
}

}  // namespace pum::hooks
