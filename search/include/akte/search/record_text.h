// How a business record (offer, order, delivery note, invoice, credit note,
// dunning letter) reads to search: shared by the index writer, which
// indexes these words, and the hits, which show them, so a record is shown
// by the words it was found by.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "akte/archive/records.h"

namespace akte::search {

// "Rechnung RE-2024-0042": its German kind and its number.
std::string RecordTitle(const archive::BusinessRecord& record);

// The words it is found by besides its title and subject, one line each in
// German and English: its kind ("Rechnung · invoice"), an invoice's payment
// state ("offen · open"; a partly paid one is still open too) and a dunning
// letter's level ("Mahnstufe 2 · dunning level 2").
std::string RecordWords(const archive::BusinessRecord& record);

// The gross amount in cents of a record that carries amounts (offers,
// orders, invoices, credit notes); nullopt for delivery notes and dunning
// letters.
std::optional<std::int64_t> RecordAmount(const archive::BusinessRecord& record);

}  // namespace akte::search
