#include "secrets.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <charconv>
#include <cstdint>
#include <optional>
#include <vector>

namespace akte::archive {
namespace {

constexpr int kLog2N = 15;
constexpr int kR = 8;
constexpr int kP = 1;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kKeyBytes = 32;
// N = 2^15 and r = 8 take 32 MiB; the limit leaves room for OpenSSL's own.
constexpr std::uint64_t kMaxMemory = 64ull << 20;

constexpr std::string_view kStandardAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kUrlAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string Encode(std::string_view bytes, std::string_view alphabet, bool pad) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(alphabet[(buffer >> bits) & 0x3f]);
    }
  }
  if (bits > 0) out.push_back(alphabet[(buffer << (6 - bits)) & 0x3f]);
  while (pad && out.size() % 4 != 0) out.push_back('=');
  return out;
}

// Standard base64, padding optional; nullopt for anything else.
std::optional<std::string> DecodeStandard(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    auto value = kStandardAlphabet.find(c);
    if (value == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (;;) {
    auto at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

std::optional<int> ParseBounded(std::string_view text, int min, int max) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (value < min || value > max) return std::nullopt;
  return value;
}

Result<std::string> Scrypt(std::string_view password, std::string_view salt, int log2_n, int r,
                           int p, std::size_t key_size) {
  std::string key(key_size, '\0');
  if (EVP_PBE_scrypt(password.data(), password.size(),
                     reinterpret_cast<const unsigned char*>(salt.data()), salt.size(),
                     std::uint64_t{1} << log2_n, static_cast<std::uint64_t>(r),
                     static_cast<std::uint64_t>(p), kMaxMemory,
                     reinterpret_cast<unsigned char*>(key.data()), key.size()) != 1) {
    return Status::Internal("OpenSSL: scrypt failed (N=2^" + std::to_string(log2_n) +
                            ", r=" + std::to_string(r) + ", p=" + std::to_string(p) + ")");
  }
  return key;
}

std::string Format(int log2_n, int r, int p, std::string_view salt, std::string_view key) {
  return "scrypt$" + std::to_string(log2_n) + "$" + std::to_string(r) + "$" + std::to_string(p) +
         "$" + Encode(salt, kStandardAlphabet, true) + "$" + Encode(key, kStandardAlphabet, true);
}

}  // namespace

Result<std::string> RandomBytes(std::size_t size) {
  std::string bytes(size, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(size)) != 1) {
    return Status::Internal("OpenSSL: the random number generator failed");
  }
  return bytes;
}

std::string Base64Url(std::string_view bytes) { return Encode(bytes, kUrlAlphabet, false); }

Result<std::string> HashPassword(std::string_view password) {
  AKTE_ASSIGN_OR_RETURN(std::string salt, RandomBytes(kSaltBytes));
  AKTE_ASSIGN_OR_RETURN(std::string key, Scrypt(password, salt, kLog2N, kR, kP, kKeyBytes));
  return Format(kLog2N, kR, kP, salt, key);
}

Result<bool> VerifyPassword(std::string_view password, std::string_view stored) {
  const auto damaged = Status::Corruption("a stored password hash is damaged");
  auto parts = Split(stored, '$');
  if (parts.size() != 6 || parts[0] != "scrypt") return damaged;
  auto log2_n = ParseBounded(parts[1], 10, 20);
  auto r = ParseBounded(parts[2], 1, 16);
  auto p = ParseBounded(parts[3], 1, 16);
  auto salt = DecodeStandard(parts[4]);
  auto key = DecodeStandard(parts[5]);
  if (!log2_n || !r || !p || !salt || !key || salt->size() < 8 || key->size() < 16 ||
      key->size() > 64) {
    return damaged;
  }
  AKTE_ASSIGN_OR_RETURN(std::string computed,
                        Scrypt(password, *salt, *log2_n, *r, *p, key->size()));
  return CRYPTO_memcmp(computed.data(), key->data(), key->size()) == 0;
}

const std::string& DummyPasswordHash() {
  // No password has an all-zero scrypt key (that would be a preimage).
  static const std::string kDummy =
      Format(kLog2N, kR, kP, std::string(kSaltBytes, '\0'), std::string(kKeyBytes, '\0'));
  return kDummy;
}

}  // namespace akte::archive
