// Incremental SHA-256 over OpenSSL's EVP interface (private to archive/).
#pragma once

#include <openssl/evp.h>

#include <memory>
#include <string>
#include <string_view>

namespace akte::archive {

class Sha256 {
 public:
  Sha256();
  void Update(const void* data, std::size_t size);
  // Returns the digest as 64 lowercase hex characters. Call once.
  std::string FinishHex();

  static std::string HexOf(std::string_view bytes);

 private:
  struct Free {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
  };
  std::unique_ptr<EVP_MD_CTX, Free> ctx_;
};

}  // namespace akte::archive
