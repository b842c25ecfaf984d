# graphwiz — deutsche Texte (ui). Dieselben IDs und Argumente wie en-ui.ftl.
