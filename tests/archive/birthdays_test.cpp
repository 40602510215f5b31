// The coming birthdays of customers and contact persons, on a real catalog.
#include <catch2/catch.hpp>

#include "catalog_fixture.h"

namespace akte::archive {
namespace {

struct BirthdayFixture : CatalogFixture {
  Customer Person(std::string number, std::string first, std::string last, std::string born) {
    Customer c;
    c.number = std::move(number);
    c.first_name = std::move(first);
    c.last_name = std::move(last);
    c.birthday = std::move(born);
    auto created = catalog->CreateCustomer(admin, c);
    INFO(created.status().ToString());
    REQUIRE(created.ok());
    return *created;
  }
  Contact ContactOf(const Customer& customer, std::string first, std::string last,
                    std::string born) {
    Contact p;
    p.customer_id = customer.id;
    p.first_name = std::move(first);
    p.last_name = std::move(last);
    p.birthday = std::move(born);
    auto created = catalog->CreateContact(admin, p);
    INFO(created.status().ToString());
    REQUIRE(created.ok());
    return *created;
  }
  std::vector<UpcomingBirthday> Coming(std::string from, int days) {
    auto coming = catalog->UpcomingBirthdays(from, days);
    INFO(coming.status().ToString());
    REQUIRE(coming.ok());
    return *coming;
  }
};

}  // namespace

TEST_CASE_METHOD(BirthdayFixture,
                 "Birthdays of customers and contacts in the window come by date with their age",
                 "[archive][birthdays]") {
  auto firm = Create("10001", "Bäckerei Müller GmbH");
  ContactOf(firm, "Jörg", "Müller", "1970-03-12");
  ContactOf(firm, "Eva", "Müller", "1980-04-01");  // outside the window
  Person("10002", "Clara", "Schmidt", "1990-03-06");
  ContactOf(firm, "Ohne", "Geburtstag", "");

  auto coming = Coming("2024-03-05", 14);
  REQUIRE(coming.size() == 2);
  CHECK(coming[0].date == "2024-03-06");
  CHECK(coming[0].name == "Clara Schmidt");
  CHECK(coming[0].age == 34);
  CHECK(coming[0].customer_number == "10002");
  CHECK_FALSE(coming[0].contact_id.has_value());
  CHECK(coming[1].date == "2024-03-12");
  CHECK(coming[1].name == "Jörg Müller");
  CHECK(coming[1].age == 54);
  CHECK(coming[1].customer_name == "Bäckerei Müller GmbH");
  CHECK(coming[1].contact_id.has_value());
}

TEST_CASE_METHOD(BirthdayFixture, "The window runs on across the new year",
                 "[archive][birthdays]") {
  Person("10001", "Neu", "Jahr", "1985-01-02");
  Person("10002", "Sil", "Vester", "1985-12-31");
  auto coming = Coming("2024-12-28", 14);
  REQUIRE(coming.size() == 2);
  CHECK(coming[0].date == "2024-12-31");
  CHECK(coming[0].age == 39);
  CHECK(coming[1].date == "2025-01-02");
  CHECK(coming[1].age == 40);
}

TEST_CASE_METHOD(BirthdayFixture, "A leap-day birthday falls on 28 February in other years",
                 "[archive][birthdays]") {
  Person("10001", "Schalt", "Tag", "2000-02-29");
  auto common_year = Coming("2025-02-20", 14);
  REQUIRE(common_year.size() == 1);
  CHECK(common_year[0].date == "2025-02-28");
  CHECK(common_year[0].age == 25);
  auto leap_year = Coming("2028-02-20", 14);
  REQUIRE(leap_year.size() == 1);
  CHECK(leap_year[0].date == "2028-02-29");
}

TEST_CASE_METHOD(BirthdayFixture, "Archived customers and the unborn are left out",
                 "[archive][birthdays]") {
  auto gone = Person("10001", "Alt", "Kunde", "1960-03-10");
  Person("10002", "Zu", "Spät", "2024-03-10");  // born that very day: no birthday yet
  REQUIRE(catalog->ArchiveCustomer(admin, gone.id, gone.version).ok());
  CHECK(Coming("2024-03-05", 14).empty());
}

TEST_CASE_METHOD(BirthdayFixture, "A bad first day or window is refused by name",
                 "[archive][birthdays]") {
  auto bad_day = catalog->UpcomingBirthdays("2024-02-30", 14);
  REQUIRE_FALSE(bad_day.ok());
  CHECK(bad_day.status().field() == "from");
  auto bad_window = catalog->UpcomingBirthdays("2024-03-05", 400);
  REQUIRE_FALSE(bad_window.ok());
  CHECK(bad_window.status().field() == "days");
}

}  // namespace akte::archive
