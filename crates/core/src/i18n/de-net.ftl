# graphwiz — deutsche Texte der Netzwerkschicht (TLS, Proxys). Dieselben IDs wie en-net.ftl.
