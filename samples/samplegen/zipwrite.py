"""Zip containers with byte-identical output on every run.

zipfile stamps entries with the current time and the caller's umask unless
told otherwise; every entry here gets the document's own date and fixed
permissions, so the same members give the same bytes.
"""
import io
import zipfile


class ZipBuilder:
    """Collects members in the order added; `bytes()` returns the archive."""

    def __init__(self, date_time=(2024, 1, 1, 9, 0, 0)):
        self._buffer = io.BytesIO()
        self._zip = zipfile.ZipFile(self._buffer, "w")
        self._date_time = tuple(date_time)

    def add(self, name, data, compress=True):
        if isinstance(data, str):
            data = data.encode("utf-8")
        info = zipfile.ZipInfo(name, date_time=self._date_time)
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        info.create_system = 0  # MS-DOS, as office suites write it
        info.external_attr = 0
        self._zip.writestr(info, data, compress_type=info.compress_type, compresslevel=6)

    def bytes(self):
        self._zip.close()
        return self._buffer.getvalue()


def zip_time(iso_date, hour=9, minute=0):
    """(y, m, d, h, min, s) for a 'YYYY-MM-DD' date."""
    y, m, d = (int(p) for p in iso_date.split("-"))
    return (y, m, d, hour, minute, 0)
