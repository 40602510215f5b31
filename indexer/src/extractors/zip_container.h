// The zip container of office files (OOXML and ODF packages are zips): its
// member list and the bytes of named members, read with libarchive under
// ExtractionLimits. Private to indexer/.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "akte/archive/status.h"
#include "akte/indexer/limits.h"

namespace akte::indexer {

struct ZipMember {
  std::string name;        // path inside the zip, '/'-separated
  std::uint64_t size = 0;  // uncompressed, as declared (hostile files lie)
  bool encrypted = false;  // zip-level encryption: its data cannot be read
};

// Reads office packages member by member. Every read streams the data and
// checks the limits while reading, so a member whose declared size lies is
// stopped at the limit, not after it. Not thread-safe (counts bytes read).
class ZipContainer {
 public:
  // Opens `file` and reads its central directory. Errors: Corruption
  // ("corrupt or truncated: …") when the file is not a zip or its directory
  // is missing or damaged (a truncated file); TooLarge ("archive limits
  // exceeded: …") for more than limits.max_members entries or declared sizes
  // beyond limits.max_total_bytes or limits.max_compression_ratio.
  static Result<ZipContainer> Open(const std::filesystem::path& file,
                                   const ExtractionLimits& limits);

  // Regular files only, in directory order.
  const std::vector<ZipMember>& members() const { return members_; }

  // The member called `name`, matched exactly, else ignoring ASCII case (OPC
  // part names are case-insensitive); nullptr if there is none.
  const ZipMember* Find(std::string_view name) const;

  bool HasEncryptedMembers() const;

  // Reads the members named in `names` in one pass over the archive, keyed
  // by the names as asked for. Names that are not in the archive, and
  // encrypted members, are left out. Errors: TooLarge when a member grows
  // past limits.max_xml_bytes, or the bytes read by this container past
  // limits.max_total_bytes or limits.max_compression_ratio times the file
  // size; Corruption when a member's data cannot be decompressed.
  Result<std::map<std::string, std::string>> ReadAll(const std::vector<std::string>& names);

  // One member, as ReadAll; NotFound when it is not in the archive.
  Result<std::string> Read(std::string_view name);

  // Writes the member `name` to the new file `target` (an embedded document
  // for the pipeline), limited by limits.max_member_bytes instead of
  // max_xml_bytes. Errors: those of ReadAll, NotFound, IoError/NoSpace.
  Status CopyTo(std::string_view name, const std::filesystem::path& target);

  // Where Scan delivers member data (defined in the .cpp file).
  struct Sink;

 private:
  ZipContainer(std::filesystem::path file, const ExtractionLimits& limits)
      : file_(std::move(file)), limits_(limits) {}

  // One pass over the archive handing the data of each wanted member (keyed
  // by its stored name) to `sink`, which owns the per-member size limit.
  Status Scan(const std::map<std::string, std::string, std::less<>>& wanted, Sink& sink);

  std::filesystem::path file_;
  ExtractionLimits limits_;
  std::uint64_t file_size_ = 0;
  std::uint64_t bytes_read_ = 0;  // uncompressed, over all reads so far
  std::vector<ZipMember> members_;
  // Indexes into members_ by name and by ASCII-lowercased name; the first
  // of duplicate names wins.
  std::map<std::string, std::size_t, std::less<>> by_name_;
  std::map<std::string, std::size_t, std::less<>> by_lower_name_;
};

}  // namespace akte::indexer
