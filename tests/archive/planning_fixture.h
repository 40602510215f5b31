// Tasks and appointments on a real catalog: two customers (Müller and
// Blum), a contact and a document of each, and a disabled user (carla).
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "catalog_fixture.h"

namespace akte::archive {

struct PlanningFixture : CatalogFixture {
  Customer mueller = Create("10001", "Müller Maschinenbau");
  Customer blum = Create("10002", "Gärtnerei Blum");
  Contact weber = ContactOf(mueller, "Thomas", "Weber");
  Contact rosa = ContactOf(blum, "Rosa", "Blum");
  Document offer = DocumentOf(mueller, "Angebot Migration.pdf");
  Document blum_offer = DocumentOf(blum, "Angebot Gewächshaus.pdf");
  User carla = DisabledUser("carla");

  // Sets the fixed clock to `utc`.
  void SetClock(std::string_view utc) {
    auto at = ParseUtc(utc);
    REQUIRE(at.ok());
    clock.Advance(std::chrono::duration_cast<std::chrono::seconds>(*at - clock.Now()));
  }

  Contact ContactOf(const Customer& customer, std::string first, std::string last) {
    Contact p;
    p.customer_id = customer.id;
    p.first_name = std::move(first);
    p.last_name = std::move(last);
    auto created = catalog->CreateContact(admin, p);
    REQUIRE(created.ok());
    return *created;
  }

  Document DocumentOf(const Customer& customer, std::string filename) {
    Document doc;
    doc.customer_id = customer.id;
    doc.filename = std::move(filename);
    doc.type = "Angebot";
    doc.sha256 = std::string(63, 'c') + static_cast<char>('0' + customer.id % 10);
    doc.size = 10;
    auto stored = catalog->AddDocument(admin, doc);
    REQUIRE(stored.ok());
    return *stored;
  }

  User DisabledUser(std::string name) {
    auto user = catalog->AddUser(admin, User{0, name, "Carla Conrad", kRoleStaff, "", false});
    REQUIRE(user.ok());
    user->disabled = true;
    auto updated = catalog->UpdateUser(admin, *user);
    REQUIRE(updated.ok());
    return *updated;
  }

  Task NewTask(const Customer& customer, std::string title, std::string due = "",
               std::string assignee = "") {
    Task draft;
    draft.customer_id = customer.id;
    draft.title = std::move(title);
    draft.due_date = std::move(due);
    draft.assignee = std::move(assignee);
    return draft;
  }

  Task AddTask(Task draft, const Actor* by = nullptr) {
    auto added = catalog->AddTask(by ? *by : admin, std::move(draft));
    INFO(added.status().ToString());
    REQUIRE(added.ok());
    return *added;
  }

  Appointment NewAppointment(const Customer& customer, std::string title, std::string starts,
                             std::string ends, std::vector<std::string> participants = {}) {
    Appointment draft;
    draft.customer_id = customer.id;
    draft.title = std::move(title);
    draft.starts_at = std::move(starts);
    draft.ends_at = std::move(ends);
    draft.participants = std::move(participants);
    return draft;
  }

  Appointment AddAppointment(Appointment draft, const Actor* by = nullptr) {
    auto added = catalog->AddAppointment(by ? *by : admin, std::move(draft));
    INFO(added.status().ToString());
    REQUIRE(added.ok());
    return *added;
  }
};

template <typename T>
std::vector<std::string> Titles(const std::vector<T>& items) {
  std::vector<std::string> titles;
  for (const auto& item : items) titles.push_back(item.title);
  return titles;
}

}  // namespace akte::archive
