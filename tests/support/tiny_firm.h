// A firm manifest with its files (see samples/README.md), small enough for
// tests of loading firms: two users, a custom field, two customers by CSV,
// a contact by vCard, conditions, two documents, notes and an event.
#pragma once

#include <filesystem>

namespace akte::test {

// Writes the firm into `folder`; returns the manifest's path.
std::filesystem::path WriteTinyFirm(const std::filesystem::path& folder);

}  // namespace akte::test
