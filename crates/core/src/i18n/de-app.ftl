# graphwiz — deutsche Texte (app). Dieselben IDs und Argumente wie en-app.ftl.
