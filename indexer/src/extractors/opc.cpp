#include "opc.h"

#include <cstdint>
#include <set>

#include "charset.h"

namespace akte::indexer {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i] == '\\' ? '/' : s[i]);
    }
  }
  return out;
}

std::string Trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  const auto last = s.find_last_not_of(" \t\r\n");
  return SanitizeUtf8(s.substr(first, last - first + 1));
}

}  // namespace

bool TypeIs(const Relationship& rel, std::string_view kind) {
  const std::string_view type = rel.type;
  return type.size() > kind.size() && type.ends_with(kind) &&
         type[type.size() - kind.size() - 1] == '/';
}

std::string RelationshipsPartName(std::string_view part) {
  const auto slash = part.rfind('/');
  const std::string_view dir = slash == std::string_view::npos ? "" : part.substr(0, slash + 1);
  const std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return std::string(dir) + "_rels/" + std::string(file) + ".rels";
}

std::string ResolvePartName(std::string_view source_part, std::string_view target) {
  std::string decoded = PercentDecode(target.substr(0, target.find('#')));
  std::string path;
  if (!decoded.empty() && decoded.front() == '/') {
    path = decoded;
  } else {
    const auto slash = source_part.rfind('/');
    path = (slash == std::string_view::npos ? "" : std::string(source_part.substr(0, slash + 1))) +
           decoded;
  }
  std::vector<std::string_view> segments;
  std::string_view rest = path;
  while (!rest.empty()) {
    const auto slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? "" : rest.substr(slash + 1);
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
      continue;
    }
    segments.push_back(segment);
  }
  std::string out;
  for (std::string_view segment : segments) {
    if (!out.empty()) out.push_back('/');
    out.append(segment);
  }
  return out;
}

std::vector<Relationship> ParseRelationships(const XmlPart& rels, std::string_view source_part) {
  std::vector<Relationship> out;
  for (pugi::xml_node node = rels.root().first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_element || LocalName(node) != "Relationship") continue;
    Relationship rel;
    rel.id = Attribute(node, "Id");
    rel.type = Attribute(node, "Type");
    rel.external = Attribute(node, "TargetMode") == "External";
    const std::string_view target = Attribute(node, "Target");
    rel.target = rel.external ? std::string(target) : ResolvePartName(source_part, target);
    out.push_back(std::move(rel));
  }
  return out;
}

const Relationship* FindRelationship(const std::vector<Relationship>& rels, std::string_view kind) {
  for (const Relationship& rel : rels) {
    if (!rel.external && TypeIs(rel, kind)) return &rel;
  }
  return nullptr;
}

std::string TargetOf(const std::vector<Relationship>& rels, std::string_view id) {
  for (const Relationship& rel : rels) {
    if (!rel.external && rel.id == id) return rel.target;
  }
  return "";
}

void ReadCoreProperties(const XmlPart& core, Metadata& m) {
  for (pugi::xml_node node = core.root().first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_element) continue;
    const std::string_view name = LocalName(node);
    std::string* field = name == "title"      ? &m.title
                         : name == "creator"  ? &m.author
                         : name == "subject"  ? &m.subject
                         : name == "keywords" ? &m.keywords
                         : name == "created"  ? &m.created
                         : name == "modified" ? &m.modified
                         : name == "language" ? &m.language
                                              : nullptr;
    if (field != nullptr && field->empty()) *field = Trimmed(InnerText(node, 4096));
  }
}

Status OpcPackage::Fetch(const std::vector<std::string>& order, std::size_t index) {
  // Parts are read in batches because every read is a pass over the zip,
  // and not all at once because each may be up to max_xml_bytes.
  constexpr std::uint64_t kBatchBytes = std::uint64_t{64} << 20;
  if (index >= order.size() || fetched_.contains(order[index])) return Status::Ok();
  std::vector<std::string> batch;
  std::set<std::string, std::less<>> in_batch;
  std::uint64_t batch_bytes = 0;
  for (std::size_t i = index; i < order.size(); ++i) {
    const std::string& name = order[i];
    const ZipMember* member = zip_.Find(name);
    if (member == nullptr || fetched_.contains(name) || in_batch.contains(name)) continue;
    if (!batch.empty() && batch_bytes + member->size > kBatchBytes) break;
    batch_bytes += member->size;
    batch.push_back(name);
    in_batch.insert(name);
  }
  AKTE_ASSIGN_OR_RETURN(auto parts, zip_.ReadAll(batch));
  for (auto& [name, bytes] : parts) fetched_[name] = std::move(bytes);
  return Status::Ok();
}

Result<std::unique_ptr<XmlPart>> OpcPackage::Take(const std::string& name) {
  auto it = fetched_.find(name);
  if (it == fetched_.end()) {
    if (zip_.Find(name) == nullptr) return std::unique_ptr<XmlPart>();
    AKTE_RETURN_IF_ERROR(Fetch({name}));
    it = fetched_.find(name);
    // An encrypted member reads as absent.
    if (it == fetched_.end()) return std::unique_ptr<XmlPart>();
  }
  std::string bytes = std::move(it->second);
  fetched_.erase(it);
  return ParseXmlPart(std::move(bytes), name);
}

Result<std::vector<Relationship>> OpcPackage::RelationshipsOf(const std::string& part) {
  AKTE_ASSIGN_OR_RETURN(auto rels, Take(RelationshipsPartName(part)));
  if (!rels) return std::vector<Relationship>();
  return ParseRelationships(*rels, part);
}

}  // namespace akte::indexer
