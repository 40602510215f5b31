// The German vocabulary for compound splitting: a set of folded words held
// compactly (one byte buffer plus a table of 32-bit slots, about 7 MB for
// Debian's 356,000-word ngerman) because it lives as long as the process.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace akte::search {

// An immutable-after-loading set of short strings. Lookups are safe from
// many threads once loading is done.
class WordSet {
 public:
  // Adds `word` unless it is already there or the set is full (16 MB of
  // words, four times Debian's German list).
  void Insert(std::string_view word);
  bool Contains(std::string_view word) const;
  // Sizes the set for about `words` words of `chars` bytes in all (counting
  // one byte per word for its length, as a list file its newline), so that
  // loading a list allocates once.
  void Reserve(std::size_t chars, std::size_t words);
  std::size_t size() const { return size_; }
  std::size_t MemoryBytes() const;

 private:
  std::size_t FindSlot(std::string_view word, std::uint64_t hash) const;
  void Grow();
  void Rehash(std::uint32_t slot);

  std::string chars_;                 // each word as a length byte, then its bytes
  std::vector<std::uint32_t> slots_;  // 0 = empty, else tag << 24 | (offset + 1)
  std::size_t size_ = 0;
};

// Loads a word list (one word per line, UTF-8) into `words`, folded, keeping
// words of 3 to 40 letters a to z. Returns false when the file cannot be
// read; `words` then stays as it was.
bool LoadWordList(const std::filesystem::path& path, WordSet* words);

}  // namespace akte::search
