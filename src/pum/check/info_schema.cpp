#include "pum/check/info_schema.hpp"

namespace pum::check {

namespace {

// Built-in type OIDs (src/include/catalog/pg_type.dat); stable across PostgreSQL versions.
constexpr Oid32 kInt2 = 21, kInt4 = 23, kInt8 = 20, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700,
                kBpchar = 1042, kVarchar = 1043, kBit = 1560, kVarbit = 1562, kDate = 1082,
                kTime = 1083, kTimestamp = 1114, kTimestamptz = 1184, kInterval = 1186,
                kTimetz = 1266;
constexpr int kVarHeader = 4;  // typmod of char(n)/varchar(n)/numeric includes the header size

std::optional<std::string> number(int value) { return std::to_string(value); }

}  // namespace

std::optional<std::string> character_maximum_length(Oid32 type, int typmod) {
  if (type == kBpchar || type == kVarchar) {
    return typmod == -1 ? std::nullopt : number(typmod - kVarHeader);
  }
  if (type == kBit || type == kVarbit) {
    return typmod == -1 ? std::nullopt : number(typmod);
  }
  return std::nullopt;
}

std::optional<std::string> numeric_precision(Oid32 type, int typmod) {
  switch (type) {
    case kInt2:
      return number(16);
    case kInt4:
      return number(32);
    case kInt8:
      return number(64);
    case kNumeric:
      if (typmod == -1) return std::nullopt;
      return number(((typmod - kVarHeader) >> 16) & 0xffff);
    case kFloat4:
      return number(24);  // FLT_MANT_DIG
    case kFloat8:
      return number(53);  // DBL_MANT_DIG
    default:
      return std::nullopt;
  }
}

std::optional<std::string> numeric_precision_radix(Oid32 type, int /*typmod*/) {
  switch (type) {
    case kInt2:
    case kInt4:
    case kInt8:
    case kFloat4:
    case kFloat8:
      return number(2);
    case kNumeric:
      return number(10);
    default:
      return std::nullopt;
  }
}

std::optional<std::string> datetime_precision(Oid32 type, int typmod) {
  switch (type) {
    case kDate:
      return number(0);
    case kTime:
    case kTimestamp:
    case kTimestamptz:
    case kTimetz:
      return number(typmod < 0 ? 6 : typmod);
    case kInterval:
      if (typmod < 0 || (typmod & 0xffff) == 0xffff) return number(6);
      return number(typmod & 0xffff);
    default:
      return std::nullopt;
  }
}

}  // namespace pum::check
