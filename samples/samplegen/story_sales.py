"""The sales chain every story uses: offer, order confirmation, delivery
note, invoice and payment reminder, added to the world as DocSpecs."""
from . import business

_TITLES = {
    "de": {"AN": "Angebot", "AB": "Auftragsbestätigung", "LS": "Lieferschein", "RE": "Rechnung"},
    "en": {"AN": "Quotation", "AB": "Order confirmation", "LS": "Delivery note", "RE": "Invoice"},
}
_TYPES = {"AN": "Angebot", "AB": "Auftrag", "LS": "Lieferschein", "RE": "Rechnung"}
_BUILDERS = {"AN": business.build_offer, "AB": business.build_order,
             "LS": business.build_delivery, "RE": business.build_invoice}


def _numbered(world, c, prefix, date, by, subject, fmt="pdf", label=None, **params):
    """A numbered sales document titled '<kind> <number> <subject>'."""
    kind = label or _TITLES[c.lang][prefix]

    def title(spec):
        return " ".join(p for p in (kind, spec.number, subject) if p)

    return world.doc(c, _TYPES[prefix], date, by, fmt, title, _BUILDERS[prefix], prefix=prefix,
                     **params)


def offer(world, c, date, by, subject, items, scope=None, intro=None, fmt="pdf"):
    return _numbered(world, c, "AN", date, by, subject, fmt, items=items, scope=scope,
                     intro=intro)


def order(world, c, date, by, subject, offer_spec, delivery_date, fmt="pdf"):
    return _numbered(world, c, "AB", date, by, subject, fmt, offer=offer_spec,
                     delivery_date=delivery_date)


def delivery(world, c, date, by, subject, order_spec, items):
    """A delivery note for the goods among `items` (services are not delivered)."""
    hardware = [i for i in items if i[0] not in ("techniker", "berater", "entwicklung")]
    return _numbered(world, c, "LS", date, by, subject, order=order_spec, items=hardware)


def invoice(world, c, date, by, subject, items, offer_spec=None, kind="", partial=None,
            period="", time_sheet=0, topic="service", intro=None, discount=True):
    labels = {"de": {"partial": "Abschlagsrechnung", "final": "Schlussrechnung"},
              "en": {"partial": "Interim invoice", "final": "Final invoice"}}
    label = labels[c.lang].get(kind)
    return _numbered(world, c, "RE", date, by, subject, label=label, items=items,
                     offer=offer_spec, kind=kind, partial=partial, period=period,
                     time_sheet=time_sheet, topic=topic, intro=intro, discount=discount)


def reminder(world, c, date, by, invoice_spec, level, first=None):
    label = "Zahlungserinnerung" if level == 1 else "1. Mahnung"
    return world.doc(c, "Mahnung", date, by, "pdf",
                     lambda spec: "%s zu %s" % (label, invoice_spec.number),
                     business.build_reminder, invoice=invoice_spec, level=level,
                     first_date=first.date if first else None)


def service_net(world, c, items, date):
    """Net sum of items at that date, after the customer's discount."""
    total = sum(business.price(world, k, date) * q for k, q in items)
    discount = (c.data.get("conditions") or {}).get("discount", 0.0)
    return round(total * (1 - discount / 100), 2)
