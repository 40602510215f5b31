"""The sales chain every story uses: offer, order confirmation, delivery
note, invoice and payment reminder, added to the world as DocSpecs.

Each of them also carries its business record for akte (`spec.record`:
kind, subject and the spec of the record it follows), which ledger.py
writes as the records CSV once the documents are rendered."""
from . import business

_TITLES = {
    "de": {"AN": "Angebot", "AB": "Auftragsbestätigung", "LS": "Lieferschein", "RE": "Rechnung"},
    "en": {"AN": "Quotation", "AB": "Order confirmation", "LS": "Delivery note", "RE": "Invoice"},
}
_TYPES = {"AN": "Angebot", "AB": "Auftrag", "LS": "Lieferschein", "RE": "Rechnung"}
_BUILDERS = {"AN": business.build_offer, "AB": business.build_order,
             "LS": business.build_delivery, "RE": business.build_invoice}
_KINDS = {"AN": "offer", "AB": "order", "LS": "delivery_note", "RE": "invoice"}


def record(spec, kind, subject, follows=None):
    """Marks `spec` as the paper of a business record of `kind` (akte's
    names) that follows the record of `follows`, if any."""
    spec.record = {"kind": kind, "subject": subject, "follows": follows}
    return spec


def _numbered(world, c, prefix, date, by, subject, fmt="pdf", label=None, follows=None,
              **params):
    """A numbered sales document titled '<kind> <number> <subject>'."""
    kind = label or _TITLES[c.lang][prefix]

    def title(spec):
        return " ".join(p for p in (kind, spec.number, subject) if p)

    return record(world.doc(c, _TYPES[prefix], date, by, fmt, title, _BUILDERS[prefix],
                            prefix=prefix, **params), _KINDS[prefix], subject, follows)


def offer(world, c, date, by, subject, items, scope=None, intro=None, fmt="pdf"):
    return _numbered(world, c, "AN", date, by, subject, fmt, items=items, scope=scope,
                     intro=intro)


def order(world, c, date, by, subject, offer_spec, delivery_date, fmt="pdf"):
    return _numbered(world, c, "AB", date, by, subject, fmt, follows=offer_spec,
                     offer=offer_spec, delivery_date=delivery_date)


def delivery(world, c, date, by, subject, order_spec, items):
    """A delivery note for the goods among `items` (services are not delivered)."""
    hardware = [i for i in items if i[0] not in ("techniker", "berater", "entwicklung")]
    return _numbered(world, c, "LS", date, by, subject, follows=order_of(order_spec),
                     order=order_spec, items=hardware)


def order_of(spec):
    """`spec` if it is an order confirmation: a delivery note follows an
    order, and one delivered straight on an offer follows no record."""
    return spec if spec.record["kind"] == "order" else None


def invoice(world, c, date, by, subject, items, offer_spec=None, kind="", partial=None,
            period="", time_sheet=0, topic="service", intro=None, discount=True):
    labels = {"de": {"partial": "Abschlagsrechnung", "final": "Schlussrechnung"},
              "en": {"partial": "Interim invoice", "final": "Final invoice"}}
    label = labels[c.lang].get(kind)
    return _numbered(world, c, "RE", date, by, subject, label=label, follows=offer_spec,
                     items=items, offer=offer_spec, kind=kind, partial=partial, period=period,
                     time_sheet=time_sheet, topic=topic, intro=intro, discount=discount)


def reminder(world, c, date, by, invoice_spec, level, first=None):
    label = "Zahlungserinnerung" if level == 1 else "1. Mahnung"
    spec = world.doc(c, "Mahnung", date, by, "pdf",
                     lambda spec: "%s zu %s" % (label, invoice_spec.number),
                     business.build_reminder, invoice=invoice_spec, level=level,
                     first_date=first.date if first else None)
    return record(spec, "dunning", label, invoice_spec)


def service_net(world, c, items, date):
    """Net sum of items at that date, after the customer's discount."""
    total = sum(business.price(world, k, date) * q for k, q in items)
    discount = (c.data.get("conditions") or {}).get("discount", 0.0)
    return round(total * (1 - discount / 100), 2)
