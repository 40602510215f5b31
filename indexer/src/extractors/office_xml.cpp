#include "office_xml.h"

#include "extractor.h"

namespace akte::indexer {

Result<std::unique_ptr<XmlPart>> ParseXmlPart(std::string bytes, std::string_view name) {
  auto part = std::make_unique<XmlPart>();
  part->bytes_ = std::move(bytes);
  // parse_doctype only keeps the DOCTYPE as a node so that it can be
  // inspected; pugixml parses (skips) it the same way without the flag.
  const pugi::xml_parse_result result = part->doc_.load_buffer_inplace(
      part->bytes_.data(), part->bytes_.size(),
      pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype, pugi::encoding_auto);
  for (pugi::xml_node node = part->doc_.first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_doctype) continue;
    const std::string_view doctype = node.value();
    if (doctype.find('[') != std::string_view::npos ||
        doctype.find("ENTITY") != std::string_view::npos) {
      return Status::InvalidArgument("XML DTD/entity not allowed: " + std::string(name) +
                                     " declares a DTD with entities");
    }
  }
  if (result.status == pugi::status_out_of_memory) {
    return Status::TooLarge("archive limits exceeded: " + std::string(name) +
                            " needs more memory to parse than the extraction may use");
  }
  if (!result) {
    return Status::Corruption("corrupt or truncated: " + std::string(name) + ": " +
                              result.description() + " at byte " + std::to_string(result.offset));
  }
  if (!part->root()) {
    return Status::Corruption("corrupt or truncated: " + std::string(name) +
                              " has no root element");
  }
  return part;
}

std::string_view LocalName(const char* qualified_name) {
  std::string_view name(qualified_name);
  const auto colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view Attribute(pugi::xml_node node, std::string_view local_name) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    if (LocalName(a.name()) == local_name) return a.value();
  }
  return {};
}

pugi::xml_node ChildElement(pugi::xml_node node, std::string_view local_name) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element && LocalName(child) == local_name) return child;
  }
  return {};
}

std::string InnerText(pugi::xml_node node, std::size_t max_bytes) {
  std::string out;
  Walk(
      node,
      [&](pugi::xml_node n) {
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
          out.append(n.value());
          if (out.size() >= max_bytes) return Visit::kStop;
        }
        return Visit::kDescend;
      },
      [](pugi::xml_node) {});
  if (out.size() > max_bytes) {
    std::string cut;
    bool truncated = false;
    AppendLimited(cut, out, max_bytes, truncated);
    return cut;
  }
  return out;
}

}  // namespace akte::indexer
