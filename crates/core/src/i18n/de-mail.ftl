# graphwiz — deutsche Texte (mail). Dieselben IDs und Argumente wie en-mail.ftl.
