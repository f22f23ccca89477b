"""What a translation catalog is, and whether it is right.

Reading ``.po`` files as GNU gettext reads them (:mod:`.reader`), the
well-formedness checks whose verdict is ``msgfmt --check``'s (:mod:`.syntax`,
:mod:`.formats`), the checks of each translated message against its
English source (:mod:`.messages`, :mod:`.markup`, :mod:`.glossary`), the
characters no output can hold (:mod:`.characters`), the archive's one file
format (:mod:`.files`), what is left to translate against what the English
asks for (:mod:`.progress`), which orphaned catalog was a renamed page's
(:mod:`.renames`) and the report of all of it for one catalog
(:mod:`.report`).  Nothing here is a Sphinx extension or a command: the
translators' commands and the build's catalog extensions
(:mod:`pytorchkr_archive.translation`) use it.
"""
