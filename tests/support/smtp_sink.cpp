#include "smtp_sink.h"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "process.h"

namespace akte::test {

SmtpSink::SmtpSink(const std::string& auth) {
  const std::string script = (SourceDir() / "tests/support/smtp_sink.py").string();
  const std::string directory = dir_.path().string();
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    if (auth.empty()) {
      execlp("python3", "python3", script.c_str(), directory.c_str(), nullptr);
    } else {
      execlp("python3", "python3", script.c_str(), directory.c_str(), "--auth", auth.c_str(),
             nullptr);
    }
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!std::filesystem::exists(dir_ / "port")) {
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error("the SMTP sink did not start");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  port_ = std::stoi(ReadFile(dir_ / "port"));
}

SmtpSink::~SmtpSink() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
}

std::vector<ReceivedMail> SmtpSink::Received() const {
  std::vector<ReceivedMail> mails;
  for (int n = 1; std::filesystem::exists(dir_ / (std::to_string(n) + ".eml")); ++n) {
    ReceivedMail mail;
    std::istringstream envelope(ReadFile(dir_ / (std::to_string(n) + ".envelope")));
    std::getline(envelope, mail.mail_from);
    for (std::string line; std::getline(envelope, line);) mail.recipients.push_back(line);
    mail.data = ReadFile(dir_ / (std::to_string(n) + ".eml"));
    mails.push_back(std::move(mail));
  }
  return mails;
}

int UnusedPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t size = sizeof address;
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    throw std::runtime_error("cannot find a free port");
  }
  close(fd);
  return ntohs(address.sin_port);
}

ParsedMail ParseMail(const std::string& data) {
  const std::string script = (SourceDir() / "tests/support/parse_mail.py").string();
  ProcessResult run = RunProcess({"/usr/bin/env", "python3", script}, data);
  if (run.exit_code != 0) throw std::runtime_error("parse_mail.py failed: " + run.err);
  std::istringstream in(run.out);
  ParsedMail mail;
  for (std::string* field : {&mail.subject, &mail.from, &mail.to, &mail.date, &mail.message_id,
                             &mail.content_type, &mail.transfer_encoding, &mail.charset}) {
    std::getline(in, *field);
  }
  mail.body.assign(std::istreambuf_iterator<char>(in), {});
  return mail;
}

}  // namespace akte::test
