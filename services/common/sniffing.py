"""What an uploaded file is, judged by its bytes, never by its name or the type its sender declared.

Four kinds are accepted: PDF, JPEG, PNG and OFD (GB/T 33190, China's fixed-layout format for e-invoices and
e-licences). puremagic (a maintained, pure-Python magic-number library: no libmagic to install) reads the first
`SNIFF_BYTES` of a file. An OFD package is a ZIP archive with `OFD.xml` at its root; a ZIP is told apart from
other archives (a .docx, a .jar) by the names in its central directory, which sits at the end of the archive:
the upload keeps a bounded tail of the stream (`ZIP_TAIL_BYTES`) and `is_ofd` reads the names from it with
the standard library's zipfile, which reads only that directory and decompresses nothing.
"""

import io
import zipfile

import puremagic

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
OFD = "application/ofd"
ZIP = "application/zip"  # not accepted as such: an OFD candidate until its central directory is read

SNIFF_BYTES = 8192  # what is read before the type is known
ZIP_TAIL_BYTES = 1 << 20  # the end of a ZIP kept for its central directory: some 10,000 entries' names
OFD_ROOT = "OFD.xml"
_DIRECT = (PDF, JPEG, PNG)


def sniff(head: bytes) -> str | None:
    """The media type the first bytes of a file show: one of PDF, JPEG, PNG, or `ZIP` (then `is_ofd` on
    the archive's end decides), or None for anything else (text, other images, executables, empty)."""
    if not head:
        return None
    try:
        matches = puremagic.magic_string(head)
    except puremagic.PureError:  # nothing it knows
        return None
    types = [match.mime_type for match in matches]
    for media_type in types:  # puremagic's order: the most confident first
        if media_type in _DIRECT:
            return media_type
    return ZIP if ZIP in types else None


def is_ofd(tail: bytes) -> bool:
    """Whether the end of a ZIP archive holds a central directory listing `OFD.xml` at the root. False for a
    directory that does not fit in `tail` (or no directory at all): then the file is refused, never guessed."""
    try:
        with zipfile.ZipFile(io.BytesIO(tail)) as archive:
            return OFD_ROOT in archive.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        return False
