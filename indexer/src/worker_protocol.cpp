#include "worker_protocol.h"

#include <nlohmann/json.hpp>

namespace akte::indexer {
namespace {

using nlohmann::json;

json LimitsJson(const ExtractionLimits& l) {
  return {{"cpu_seconds", l.cpu_seconds},
          {"wall_seconds", l.wall_seconds},
          {"address_space", l.address_space},
          {"max_text_bytes", l.max_text_bytes},
          {"max_members", l.max_members},
          {"max_member_bytes", l.max_member_bytes},
          {"max_total_bytes", l.max_total_bytes},
          {"max_compression_ratio", l.max_compression_ratio},
          {"max_depth", l.max_depth},
          {"max_xml_bytes", l.max_xml_bytes}};
}

ExtractionLimits LimitsFrom(const json& j) {
  ExtractionLimits l;
  l.cpu_seconds = j.value("cpu_seconds", l.cpu_seconds);
  l.wall_seconds = j.value("wall_seconds", l.wall_seconds);
  l.address_space = j.value("address_space", l.address_space);
  l.max_text_bytes = j.value("max_text_bytes", l.max_text_bytes);
  l.max_members = j.value("max_members", l.max_members);
  l.max_member_bytes = j.value("max_member_bytes", l.max_member_bytes);
  l.max_total_bytes = j.value("max_total_bytes", l.max_total_bytes);
  l.max_compression_ratio = j.value("max_compression_ratio", l.max_compression_ratio);
  l.max_depth = j.value("max_depth", l.max_depth);
  l.max_xml_bytes = j.value("max_xml_bytes", l.max_xml_bytes);
  return l;
}

json MetadataObject(const Metadata& m) {
  json j = json::object();
  auto put = [&j](const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
  };
  put("title", m.title);
  put("author", m.author);
  put("subject", m.subject);
  put("keywords", m.keywords);
  put("created", m.created);
  put("modified", m.modified);
  put("language", m.language);
  if (m.page_count > 0) j["page_count"] = m.page_count;
  put("from", m.from);
  put("to", m.to);
  put("cc", m.cc);
  put("date", m.date);
  put("message_id", m.message_id);
  return j;
}

Metadata MetadataFrom(const json& j) {
  Metadata m;
  m.title = j.value("title", "");
  m.author = j.value("author", "");
  m.subject = j.value("subject", "");
  m.keywords = j.value("keywords", "");
  m.created = j.value("created", "");
  m.modified = j.value("modified", "");
  m.language = j.value("language", "");
  m.page_count = j.value("page_count", 0);
  m.from = j.value("from", "");
  m.to = j.value("to", "");
  m.cc = j.value("cc", "");
  m.date = j.value("date", "");
  m.message_id = j.value("message_id", "");
  return m;
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::string EncodeRequest(const WorkerRequest& r) {
  return Dump({{"file", r.file},
               {"filename", r.filename},
               {"scratch_dir", r.scratch_dir},
               {"depth", r.depth},
               {"limits", LimitsJson(r.limits)}});
}

Result<WorkerRequest> DecodeRequest(std::string_view line) {
  json j = json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::InvalidArgument("malformed worker request");
  WorkerRequest r;
  r.file = j.value("file", "");
  r.filename = j.value("filename", "");
  r.scratch_dir = j.value("scratch_dir", "");
  r.depth = j.value("depth", 0);
  r.limits = LimitsFrom(j.value("limits", json::object()));
  return r;
}

std::string EncodeExtraction(const Extraction& e) {
  json children = json::array();
  for (const auto& c : e.children) {
    children.push_back({{"name", c.name}, {"path_in_parent", c.path_in_parent}, {"file", c.file}});
  }
  // The text follows the JSON header raw: escaping megabytes of text into
  // JSON and parsing it back would cost more than the rest of the exchange.
  return Dump({{"state", e.state},
               {"error", e.error},
               {"mime_type", e.mime_type},
               {"metadata", MetadataObject(e.metadata)},
               {"children", children},
               {"text_truncated", e.text_truncated}}) +
         "\n" + e.text;
}

Result<Extraction> DecodeExtraction(std::string_view answer) {
  const auto newline = answer.find('\n');
  if (newline == std::string_view::npos) {
    return Status::Internal("the extraction worker sent a malformed answer");
  }
  json j = json::parse(answer.substr(0, newline), nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::Internal("the extraction worker sent a malformed answer");
  }
  Extraction e;
  e.state = j.value("state", std::string(kFailed));
  e.error = j.value("error", "");
  e.mime_type = j.value("mime_type", "");
  e.text = std::string(answer.substr(newline + 1));
  e.metadata = MetadataFrom(j.value("metadata", json::object()));
  e.text_truncated = j.value("text_truncated", false);
  for (const auto& c : j.value("children", json::array())) {
    e.children.push_back(Child{c.value("name", ""), c.value("path_in_parent", ""),
                               std::filesystem::path(c.value("file", ""))});
  }
  return e;
}

std::string MetadataJson(const Metadata& metadata) { return Dump(MetadataObject(metadata)); }

Metadata DecodeMetadata(std::string_view text) {
  json j = json::parse(text, nullptr, false);
  return j.is_object() ? MetadataFrom(j) : Metadata{};
}

}  // namespace akte::indexer
