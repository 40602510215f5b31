#include "word_list.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>

#include "folding.h"

namespace akte::search {
namespace {

constexpr std::uint32_t kOffsetMask = 0x00FFFFFF;  // 24 bits of offset, 8 of hash tag
constexpr std::size_t kMaxChars = kOffsetMask - 64;
constexpr std::size_t kMaxWordBytes = 255;

std::uint64_t Hash(std::string_view word) { return std::hash<std::string_view>{}(word); }

std::uint32_t Tag(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 56) << 24; }

bool IsPlainWord(std::string_view word) {
  if (word.size() < 3 || word.size() > 40) return false;
  for (char c : word) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

}  // namespace

std::size_t WordSet::FindSlot(std::string_view word, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  const std::uint32_t tag = Tag(hash);
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint32_t slot = slots_[i];
    if (slot == 0) return i;
    if ((slot & ~kOffsetMask) != tag) continue;
    const std::size_t offset = (slot & kOffsetMask) - 1;
    const auto length = static_cast<unsigned char>(chars_[offset]);
    if (length == word.size() &&
        std::memcmp(chars_.data() + offset + 1, word.data(), length) == 0) {
      return i;
    }
  }
}

bool WordSet::Contains(std::string_view word) const {
  if (size_ == 0 || word.size() > kMaxWordBytes) return false;
  return slots_[FindSlot(word, Hash(word))] != 0;
}

void WordSet::Insert(std::string_view word) {
  if (word.empty() || word.size() > kMaxWordBytes) return;
  if (chars_.size() + word.size() + 1 > kMaxChars) return;
  // Keep the table at most three quarters full so probe runs stay short.
  if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
  const std::uint64_t hash = Hash(word);
  const std::size_t i = FindSlot(word, hash);
  if (slots_[i] != 0) return;
  slots_[i] = Tag(hash) | static_cast<std::uint32_t>(chars_.size() + 1);
  chars_.push_back(static_cast<char>(word.size()));
  chars_.append(word);
  ++size_;
}

void WordSet::Reserve(std::size_t chars, std::size_t words) {
  chars_.reserve(std::min(chars, kMaxChars));
  std::size_t capacity = 1024;
  while (capacity * 3 < words * 4) capacity *= 2;
  if (capacity <= slots_.size()) return;
  std::vector<std::uint32_t> old = std::move(slots_);
  slots_.assign(capacity, 0);
  for (std::uint32_t slot : old) {
    if (slot != 0) Rehash(slot);
  }
}

void WordSet::Grow() {
  std::vector<std::uint32_t> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
  for (std::uint32_t slot : old) {
    if (slot != 0) Rehash(slot);
  }
}

void WordSet::Rehash(std::uint32_t slot) {
  const std::size_t mask = slots_.size() - 1;
  const std::size_t offset = (slot & kOffsetMask) - 1;
  const auto length = static_cast<unsigned char>(chars_[offset]);
  std::size_t i = Hash(std::string_view(chars_.data() + offset + 1, length)) & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = slot;
}

std::size_t WordSet::MemoryBytes() const {
  return chars_.capacity() + slots_.capacity() * sizeof(std::uint32_t);
}

bool LoadWordList(const std::filesystem::path& path, WordSet* words) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return false;
  words->Reserve(content.size(),
                 static_cast<std::size_t>(std::count(content.begin(), content.end(), '\n')));
  std::string folded;
  std::size_t begin = 0;
  while (begin < content.size()) {
    std::size_t end = content.find('\n', begin);
    if (end == std::string::npos) end = content.size();
    std::string_view line(content.data() + begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    folded.clear();
    AppendFolded(line, &folded);
    if (IsPlainWord(folded)) words->Insert(folded);
    begin = end + 1;
  }
  return true;
}

}  // namespace akte::search
