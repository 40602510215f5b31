#include "akte/search/record_text.h"

#include <string_view>

#include "akte/archive/business.h"

namespace akte::search {
namespace {

std::string_view EnglishKind(std::string_view kind) {
  if (kind == archive::kRecordOffer) return "offer";
  if (kind == archive::kRecordOrder) return "order";
  if (kind == archive::kRecordDeliveryNote) return "delivery note";
  if (kind == archive::kRecordInvoice) return "invoice";
  if (kind == archive::kRecordCreditNote) return "credit note";
  if (kind == archive::kRecordDunning) return "dunning letter";
  return kind;
}

std::string_view PaymentWords(std::string_view status) {
  if (status == archive::kPaymentOpen) return "offen · open";
  if (status == archive::kPaymentPartlyPaid) {
    return "teilweise bezahlt, noch offen · partly paid, still open";
  }
  if (status == archive::kPaymentPaid) return "bezahlt · paid";
  return "";
}

}  // namespace

std::string RecordTitle(const archive::BusinessRecord& record) {
  return archive::RecordKindLabel(record.kind) + " " + record.number;
}

std::string RecordWords(const archive::BusinessRecord& record) {
  std::string words =
      archive::RecordKindLabel(record.kind) + " · " + std::string(EnglishKind(record.kind));
  const std::string_view payment = PaymentWords(record.payment_status);
  if (!payment.empty()) words += "\n" + std::string(payment);
  if (record.kind == archive::kRecordDunning) {
    const std::string level = std::to_string(record.dunning_level);
    words += "\nMahnstufe " + level + " · dunning level " + level;
  }
  return words;
}

std::optional<std::int64_t> RecordAmount(const archive::BusinessRecord& record) {
  if (record.kind == archive::kRecordDeliveryNote || record.kind == archive::kRecordDunning) {
    return std::nullopt;
  }
  return record.gross_cents;
}

}  // namespace akte::search
