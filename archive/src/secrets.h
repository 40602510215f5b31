// Random secrets and password hashes over OpenSSL, private to archive/.
//
// Passwords are hashed with scrypt and stored as one self-describing string,
// "scrypt$<log2 N>$<r>$<p>$<salt>$<key>" (salt and key in standard base64),
// so that stronger parameters can be introduced later without breaking the
// hashes already stored. Thread-safe: OpenSSL's generator and KDF are.
#pragma once

#include <string>
#include <string_view>

#include "akte/archive/status.h"

namespace akte::archive {

// `size` bytes from OpenSSL's CSPRNG. Internal when it fails.
Result<std::string> RandomBytes(std::size_t size);

// Base64 with the URL alphabet ('-', '_') and no padding.
std::string Base64Url(std::string_view bytes);

// A hash of `password` with a fresh 16-byte salt (N = 2^15, r = 8, p = 1).
Result<std::string> HashPassword(std::string_view password);

// Whether `password` matches `stored` (a HashPassword string), compared in
// constant time. Corruption when `stored` is malformed or names parameters
// outside sane bounds (so a damaged row cannot make akte use gigabytes).
Result<bool> VerifyPassword(std::string_view password, std::string_view stored);

// A well-formed hash (current parameters) that no password matches:
// checking against it costs what checking a real one does, so that an
// unknown username takes as long as a wrong password.
const std::string& DummyPasswordHash();

}  // namespace akte::archive
