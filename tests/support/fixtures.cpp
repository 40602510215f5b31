#include "fixtures.h"

#include <archive.h>
#include <archive_entry.h>

#include <cstdio>
#include <stdexcept>

namespace akte::test {
namespace {

std::string WriteArchive(const std::vector<std::pair<std::string, std::string>>& members, bool zip,
                         bool gzip) {
  struct archive* a = archive_write_new();
  if (zip) {
    archive_write_set_format_zip(a);
  } else {
    archive_write_set_format_ustar(a);
    if (gzip) archive_write_add_filter_gzip(a);
  }
  std::string out;
  out.resize(16 << 20);
  std::size_t used = 0;
  if (archive_write_open_memory(a, out.data(), out.size(), &used) != ARCHIVE_OK) {
    throw std::runtime_error(archive_error_string(a));
  }
  for (const auto& [path, bytes] : members) {
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, path.c_str());
    archive_entry_set_size(entry, static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_write_header(a, entry);
    archive_write_data(a, bytes.data(), bytes.size());
    archive_entry_free(entry);
  }
  archive_write_close(a);
  archive_write_free(a);
  out.resize(used);
  return out;
}

// UTF-8 to the PDF's WinAnsi (Latin-1 range), escaping string delimiters.
std::string PdfString(const std::string& utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    auto c = static_cast<unsigned char>(utf8[i]);
    if (c == 0xC3 && i + 1 < utf8.size()) {
      c = static_cast<unsigned char>(0xC0 + (static_cast<unsigned char>(utf8[++i]) & 0x3F));
    } else if (c == 0xC2 && i + 1 < utf8.size()) {
      c = static_cast<unsigned char>(utf8[++i]);
    }
    if (c == '(' || c == ')' || c == '\\') out.push_back('\\');
    out.push_back(static_cast<char>(c));
  }
  return out;
}

}  // namespace

std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& members) {
  return WriteArchive(members, true, false);
}

std::string MakeTar(const std::vector<std::pair<std::string, std::string>>& members, bool gzip) {
  return WriteArchive(members, false, gzip);
}

std::string MakePdf(const std::vector<std::string>& pages, const std::string& title) {
  std::vector<std::string> objects;
  const std::size_t n = pages.size();
  // 1: catalog, 2: pages, 3: font, 4: info, then a page and a content stream per page.
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (std::size_t i = 0; i < n; ++i) kids += std::to_string(5 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  objects.push_back(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  objects.push_back("<< /Title (" + PdfString(title) + ") /Producer (akte tests) >>");
  for (std::size_t i = 0; i < n; ++i) {
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
        "<< /F1 3 0 R >> >> /Contents " +
        std::to_string(6 + 2 * i) + " 0 R >>");
    std::string content;
    if (!pages[i].empty()) {
      // One line per '\n' of the page text.
      content = "BT /F1 12 Tf 72 770 Td 14 TL ";
      std::size_t start = 0;
      while (start <= pages[i].size()) {
        std::size_t end = pages[i].find('\n', start);
        if (end == std::string::npos) end = pages[i].size();
        content += "(" + PdfString(pages[i].substr(start, end - start)) + ") Tj T* ";
        start = end + 1;
      }
      content += "ET";
    } else {
      content = "0 0 1 rg 72 72 200 200 re f";  // a drawing, no text
    }
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "\nendstream");
  }
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R /Info 4 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace akte::test
