// The one error type of akte: a Status with a closed set of codes, and Result<T>
// for functions that return a value or an error. Transport-neutral: http/ maps
// codes to HTTP statuses, cli/ to exit codes, each in exactly one function.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace akte {

enum class StatusCode {
  kOk,
  kInvalidArgument,     // the caller's input is wrong; `field` may name it
  kNotFound,            // the named record or blob does not exist
  kAlreadyExists,       // a unique key (customer number, username) is taken
  kFailedPrecondition,  // a stale version, a retention period, a wrong state
  kCorruption,          // stored data does not match its hash or structure
  kIoError,             // the operating system refused a read or write
  kNoSpace,             // the disk is full (ENOSPC / EDQUOT)
  kUnsupportedFormat,   // a file of a kind akte cannot read
  kTooLarge,            // a size limit was exceeded
  kUnavailable,         // busy or temporarily unreachable; retrying may help
  kPermissionDenied,    // the user may not do this
  kUnauthenticated,     // no valid credentials
  kInternal,            // a bug: an invariant of akte itself was broken
};

// Returns the code's stable lowercase name ("not_found"), used in JSON errors.
std::string_view StatusCodeName(StatusCode code);

// The outcome of an operation. Cheap to copy when ok. `message` is written for
// the person who has to act on it; `field` names the input field at fault for
// kInvalidArgument, where there is one.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string msg, std::string field = {}) {
    return {StatusCode::kInvalidArgument, std::move(msg), std::move(field)};
  }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status AlreadyExists(std::string msg) {
    return {StatusCode::kAlreadyExists, std::move(msg)};
  }
  static Status FailedPrecondition(std::string msg) {
    return {StatusCode::kFailedPrecondition, std::move(msg)};
  }
  static Status Corruption(std::string msg) { return {StatusCode::kCorruption, std::move(msg)}; }
  static Status IoError(std::string msg) { return {StatusCode::kIoError, std::move(msg)}; }
  static Status NoSpace(std::string msg) { return {StatusCode::kNoSpace, std::move(msg)}; }
  static Status UnsupportedFormat(std::string msg) {
    return {StatusCode::kUnsupportedFormat, std::move(msg)};
  }
  static Status TooLarge(std::string msg) { return {StatusCode::kTooLarge, std::move(msg)}; }
  static Status Unavailable(std::string msg) { return {StatusCode::kUnavailable, std::move(msg)}; }
  static Status PermissionDenied(std::string msg) {
    return {StatusCode::kPermissionDenied, std::move(msg)};
  }
  static Status Unauthenticated(std::string msg) {
    return {StatusCode::kUnauthenticated, std::move(msg)};
  }
  static Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }

  // An IoError or NoSpace for a failed system call: "<what>: <strerror(err)>".
  static Status FromErrno(int err, std::string_view what);

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& field() const { return field_; }

  // "not_found: customer K-1 does not exist" (or "ok").
  std::string ToString() const;

  // Returns a copy whose message is prefixed with `context` and ": ".
  Status WithContext(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string field_;
};

// Either a value or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(data_); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(data_); }

  // Precondition: ok().
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace akte

#define AKTE_CONCAT_INNER_(a, b) a##b
#define AKTE_CONCAT_(a, b) AKTE_CONCAT_INNER_(a, b)

// Returns the Status of `expr` from the enclosing function when it is not ok.
#define AKTE_RETURN_IF_ERROR(expr)               \
  do {                                           \
    ::akte::Status akte_status_ = (expr);        \
    if (!akte_status_.ok()) return akte_status_; \
  } while (false)

// `AKTE_ASSIGN_OR_RETURN(auto x, Compute());` declares x from a Result's value
// or returns its Status.
#define AKTE_ASSIGN_OR_RETURN(lhs, expr) \
  AKTE_ASSIGN_OR_RETURN_IMPL_(AKTE_CONCAT_(akte_result_, __LINE__), lhs, expr)
#define AKTE_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.status();               \
  lhs = std::move(tmp).value()
