// MIME type detection from a file's bytes (libmagic), with the file name as
// a tie-breaker only where the bytes cannot tell (an office file is a zip; a
// CSV file is text). Private to indexer/.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace akte::indexer {

// Not thread-safe (libmagic's cookie); the sandboxed worker is single-threaded.
std::string DetectMimeType(const std::filesystem::path& file, std::string_view filename);

// Refines libmagic's answer `magic` with the file name's extension.
std::string RefineMimeType(std::string_view magic, std::string_view filename);

}  // namespace akte::indexer
