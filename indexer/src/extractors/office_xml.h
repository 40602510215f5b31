// XML parts of office files (OOXML and ODF) through pugixml, shared by the
// ooxml and odf handlers: parsing that refuses entity declarations, matching
// by local name, and a non-recursive walk.
#pragma once

#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "akte/archive/status.h"

namespace akte::indexer {

// A parsed XML part. Owns the bytes pugixml parsed in place.
class XmlPart {
 public:
  pugi::xml_node root() const { return doc_.document_element(); }

 private:
  friend Result<std::unique_ptr<XmlPart>> ParseXmlPart(std::string bytes, std::string_view name);
  std::string bytes_;
  pugi::xml_document doc_;
};

// Parses `bytes`, the part called `name` (for messages). pugixml expands no
// entities but the five predefined ones and character references, and never
// fetches anything; a DOCTYPE with an internal subset (where entity bombs
// and external entities are declared) is refused all the same, since no
// office application writes one. A DOCTYPE naming only an external DTD (old
// OpenOffice manifests) is ignored. Errors: InvalidArgument ("XML
// DTD/entity not allowed …"), Corruption ("corrupt or truncated: …").
Result<std::unique_ptr<XmlPart>> ParseXmlPart(std::string bytes, std::string_view name);

// The name of an element or attribute without its namespace prefix ("w:t"
// gives "t"). Office files are matched by local name so that Strict OOXML,
// whose namespaces differ from Transitional ones, reads the same.
std::string_view LocalName(const char* qualified_name);
inline std::string_view LocalName(pugi::xml_node node) { return LocalName(node.name()); }

// The value of `node`'s attribute with that local name, or "".
std::string_view Attribute(pugi::xml_node node, std::string_view local_name);

// The first child element with that local name (an empty node if none).
pugi::xml_node ChildElement(pugi::xml_node node, std::string_view local_name);

// All character data below `node` in document order, at most `max_bytes`.
std::string InnerText(pugi::xml_node node, std::size_t max_bytes = 64 * 1024);

// What a walk does after visiting a node.
enum class Visit { kDescend, kSkip, kStop };

// Visits the nodes below `root` in document order: `enter(node)` for every
// node, and `leave(node)` after the children of each node entered with
// kDescend. Iterative, because hostile files nest elements deeply.
template <typename Enter, typename Leave>
void Walk(pugi::xml_node root, Enter&& enter, Leave&& leave) {
  pugi::xml_node node = root.first_child();
  while (node) {
    const Visit visit = enter(node);
    if (visit == Visit::kStop) return;
    if (visit == Visit::kDescend && node.first_child()) {
      node = node.first_child();
      continue;
    }
    if (visit == Visit::kDescend) leave(node);
    while (!node.next_sibling()) {
      node = node.parent();
      if (!node || node == root) return;
      leave(node);
    }
    node = node.next_sibling();
  }
}

}  // namespace akte::indexer
