#!/bin/sh
# Loads the sample firm "Schreiber IT-Service" into a data directory:
#   samples/load.sh PATH/TO/akte DATA_DIR
# A data directory that already holds a catalog is left as it is.
set -eu
akte=$1
data=$2
here=$(cd "$(dirname "$0")" && pwd)

if [ -e "$data/catalog.db" ]; then
  echo "$data already holds an akte catalog; using it as it is."
  exit 0
fi

run() { "$akte" --data-dir "$data" "$@" >/dev/null; }

"$akte" init --data-dir "$data" --admin jana --display-name "Jana Schreiber"
run user add tobias --name "Tobias Brandt" --role staff
run user add lena --name "Lena Vogt" --role staff
run field define 1 Branche
run field define 2 Wartungsvertrag --type bool
"$akte" --data-dir "$data" customer import "$here/customers.csv"
"$akte" --data-dir "$data" contact import "$here/contacts.vcf"

run conditions set 10001 --price-list "Gewerbe A" --discount 3 \
  --payment-terms "30 Tage netto" --delivery-terms "frei Haus" --open-invoice-limit 20000
run conditions set 10002 --price-list "Gewerbe B" --payment-terms "14 Tage 2 % Skonto" \
  --open-invoice-limit 2500
run conditions set 10007 --price-list "Export" --payment-terms "30 Tage netto"

run doc add 10001 "$here/documents/protokoll-erp-migration.txt" --type Protokoll --date 2025-03-12
run doc add 10002 "$here/documents/wartungsvertrag-baeckerei-weiss.txt" --type Vertrag \
  --date 2024-01-15
run doc add 10003 "$here/documents/datenschutz-audit-bericht.txt" --type Protokoll \
  --date 2024-06-20

run --user tobias event add 10001 --type "Anruf eingehend" --at "2025-02-03 10:15" \
  --subject "Rückfrage ERP-Version" --text "Herr Weber fragt, ob die Migration vor der Inventur möglich ist."
run --user lena event add 10007 --type "E-Mail ausgehend" --at "2024-11-20 16:40" \
  --subject "Preisanpassung 2025" --text "Ankündigung der Preiserhöhung um 4 % zum 1. Januar."
run --user tobias event add 10008 --type "Anruf ausgehend" --at "2025-03-18 09:05" \
  --subject "Lieferverzug Server" --text "Liefertermin des Servers verschiebt sich um drei Wochen."
run --user jana event add 20001 --type "Termin" --at "2025-04-02 14:00" \
  --subject "Erstgespräch Wartungsvertrag"
run --user lena note add 10005 "Kunde wünscht Angebot für das Migrationsprojekt der Warenwirtschaft bis Ende Mai."
run --user tobias note add 10009 "Emily Hughes confirmed the CRM migration kickoff for next month."
run --user jana note add 10003 "Audit-Nachtermin vereinbart; Verschlüsselung der Notebooks prüfen."
echo "Loaded the sample firm into $data."
