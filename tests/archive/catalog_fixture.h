// A real SQLite catalog in a temporary directory, with a fixed clock, an
// admin (anna) and a staff user (bernd).
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "akte/archive/catalog.h"
#include "temp_dir.h"

namespace akte::archive {

struct CatalogFixture {
  test::TempDir dir;
  test::FixedClock clock{"2024-03-05T13:05:00Z"};
  std::unique_ptr<Catalog> catalog;
  Actor admin;
  Actor staff;

  CatalogFixture() {
    auto opened = Catalog::Open(dir / "catalog.db", clock);
    REQUIRE(opened.ok());
    catalog = std::move(opened).value();
    auto first =
        catalog->AddUser(std::nullopt, User{0, "anna", "Anna Admin", kRoleAdmin, "", false});
    REQUIRE(first.ok());
    admin = Actor{first->id, first->username};
    auto second = catalog->AddUser(admin, User{0, "bernd", "Bernd Berger", kRoleStaff, "", false});
    REQUIRE(second.ok());
    staff = Actor{second->id, second->username};
  }

  Customer Create(std::string number, std::string company) {
    Customer c;
    c.number = std::move(number);
    c.company = std::move(company);
    auto created = catalog->CreateCustomer(admin, c);
    REQUIRE(created.ok());
    return *created;
  }
};

}  // namespace akte::archive
