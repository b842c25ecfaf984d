# graphwiz — deutsche Texte (store). Dieselben IDs und Argumente wie en-store.ftl.
