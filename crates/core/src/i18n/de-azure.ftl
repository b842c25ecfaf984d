# graphwiz — deutsche Texte (azure). Dieselben IDs und Argumente wie en-azure.ftl.
