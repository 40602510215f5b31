// The Open Packaging Conventions under OOXML files: relationship parts,
// part names, and the package's core properties. Private to indexer/.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "akte/archive/status.h"
#include "extractor.h"
#include "office_xml.h"
#include "zip_container.h"

namespace akte::indexer {

struct Relationship {
  std::string id;
  std::string type;    // a URI; Transitional and Strict differ, compare with TypeIs
  std::string target;  // resolved to a part name ("word/header1.xml"), or as written if external
  bool external = false;
};

// True when the relationship's type ends in "/<kind>" ("header",
// "officeDocument"), the last segment both OOXML flavours share.
bool TypeIs(const Relationship& rel, std::string_view kind);

// The relationships part of `part` ("word/document.xml" gives
// "word/_rels/document.xml.rels"; "" gives the package's "_rels/.rels").
std::string RelationshipsPartName(std::string_view part);

// The part name a relative or absolute `target` of `source_part` points to:
// percent-decoded, without fragment, "." and ".." resolved (never above the
// package root), no leading '/'.
std::string ResolvePartName(std::string_view source_part, std::string_view target);

// The relationships in the parsed relationships part `rels` of `source_part`.
std::vector<Relationship> ParseRelationships(const XmlPart& rels, std::string_view source_part);

// The first internal relationship of that kind, or nullptr.
const Relationship* FindRelationship(const std::vector<Relationship>& rels, std::string_view kind);

// The target of the relationship with that id, or "".
std::string TargetOf(const std::vector<Relationship>& rels, std::string_view id);

// An OOXML package: its zip and the parts read from it but not yet parsed.
// Each part is meant to be taken once; its bytes are freed when taken.
class OpcPackage {
 public:
  explicit OpcPackage(ZipContainer zip) : zip_(std::move(zip)) {}

  ZipContainer& zip() { return zip_; }

  // Reads `order[index]`, unless it is read already or absent, together
  // with the parts after it up to a batch size, in one pass over the zip.
  // Calling it for each index of a list in turn reads the list in few
  // passes. Errors: those of ZipContainer::ReadAll.
  Status Fetch(const std::vector<std::string>& order, std::size_t index = 0);

  // The part `name` parsed, read now if Fetch did not read it; nullptr when
  // the package has no such part. Errors: those of Fetch and ParseXmlPart.
  Result<std::unique_ptr<XmlPart>> Take(const std::string& name);

  // The relationships of `part` ("" for the package); none when it has no
  // relationships part. Errors: those of Take.
  Result<std::vector<Relationship>> RelationshipsOf(const std::string& part);

 private:
  ZipContainer zip_;
  std::map<std::string, std::string> fetched_;
};

// Reads docProps/core.xml (Dublin Core) into `metadata`.
void ReadCoreProperties(const XmlPart& core, Metadata& metadata);

}  // namespace akte::indexer
