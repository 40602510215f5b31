// Test inputs made in the test itself: zip files (libarchive) and minimal
// but valid PDFs, so extractor tests need no binary fixtures in the repo.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace akte::test {

// A zip archive (deflate) holding `members` as (path, bytes) in order.
std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& members);

// A tar archive (ustar), optionally gzip-compressed.
std::string MakeTar(const std::vector<std::pair<std::string, std::string>>& members,
                    bool gzip = false);

// A valid PDF with one page per entry of `pages`, each showing its text in
// Helvetica (ASCII and Latin-1 letters such as ä ö ü ß, given as UTF-8).
// An empty entry makes a page without any text layer.
std::string MakePdf(const std::vector<std::string>& pages, const std::string& title = "");

}  // namespace akte::test
