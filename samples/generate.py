#!/usr/bin/env python3
"""Generates the sample firm "Schreiber IT-Service GmbH" for akte:

    python3 samples/generate.py OUT_DIR

writes OUT_DIR/manifest.json, customers.csv, contacts.vcf, records.csv (the
business records and payments), documents/ and a Maildir mail/, all from
the data in samples/data/. The output is identical on every run: dates,
MIME boundaries, zip timestamps and PDF IDs are fixed and all randomness
comes from seeded generators. Python 3 standard library only. OUT_DIR
must be empty or hold a previous generation (manifest.json), which is
replaced.
"""
import json
import os
import shutil
import sys

sys.dont_write_bytecode = True  # keep samples/ free of __pycache__

from samplegen import ledger, mail, records, render, stories  # noqa: E402
from samplegen.world import World  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def prepare(out_dir):
    """Creates an empty OUT_DIR, replacing a previous generation only."""
    if os.path.isdir(out_dir) and os.listdir(out_dir):
        if not os.path.isfile(os.path.join(out_dir, "manifest.json")):
            sys.exit("%s is not empty and holds no previous generation (manifest.json); "
                     "refusing to overwrite it" % out_dir)
        shutil.rmtree(out_dir)
    os.makedirs(out_dir, exist_ok=True)


def write(out_dir, name, data):
    with open(os.path.join(out_dir, name), "wb") as f:
        f.write(data)


def manifest(world, documents, notes, events, expected):
    firm = world.firm
    return {
        "firm": {"name": firm["name"], "email_addresses": firm["email_addresses"]},
        "users": [{k: u[k] for k in ("username", "display_name", "role")}
                  for u in firm["users"]],
        "fields": firm["fields"],
        "customers_csv": "customers.csv",
        "contacts_vcf": "contacts.vcf",
        "records_csv": "records.csv",
        "conditions": [dict({"customer": c.number}, **c.data["conditions"])
                       for c in world.customers if c.data.get("conditions")],
        "documents": documents,
        "mailbox": "mail",
        "notes": notes,
        "events": events,
        "expected": expected,
    }


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: python3 samples/generate.py OUT_DIR")
    out_dir = argv[1]
    prepare(out_dir)
    world = World(os.path.join(HERE, "data"))
    stories.tell(world)
    world.assign_numbers()
    documents = render.render_documents(world, out_dir)
    write(out_dir, "customers.csv", records.customers_csv(world.customers, world.firm["fields"]))
    write(out_dir, "contacts.vcf", records.contacts_vcf(world.customers))
    books = ledger.build(world)  # after rendering, which leaves the sums on the documents
    write(out_dir, "records.csv", ledger.records_csv(books))
    mails = stories.mailbox_messages(world)
    mail.write_maildir(os.path.join(out_dir, "mail"), [m for m, _ in mails])
    notes, events = stories.finish_history(world)
    expected = stories.expected(world, documents, notes, events, mails)
    expected.update(ledger.expected(books))
    with open(os.path.join(out_dir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest(world, documents, notes, events, expected), f, ensure_ascii=False,
                  indent=1)
        f.write("\n")
    print("Wrote %d customers, %d documents, %d business records, %d payments, %d notes, "
          "%d events and %d messages to %s."
          % (len(world.customers), len(documents), expected["records"], expected["payments"],
             len(notes), len(events), len(mails), out_dir))


if __name__ == "__main__":
    main(sys.argv)
