#include "akte/search/schema.h"

namespace akte::search::schema {

std::string ItemKey(std::string_view kind, long long id) {
  return std::string(kind) + ":" + std::to_string(id);
}

}  // namespace akte::search::schema
