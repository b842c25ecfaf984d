# graphwiz — deutsche Meldungen der Netzwerkschicht (TLS, Proxys). Dieselben IDs wie en-net.ftl.
# Argumente: siehe en-net.ftl. net-route wird von den anderen Meldungen eingebunden und sieht
# deren Argumente.

## Wie eine Anfrage hinausging

net-route = { $via ->
    [proxy] über den Proxy { $proxy } (eingestellt in { $source ->
        [system] den Proxy-Einstellungen des Systems
       *[other] { $source }
    })
    [loopback] direkt (Loopback-Adressen gehen nie über einen Proxy)
    [bypass] direkt ({ $source ->
        [system] die Ausnahmeliste der Proxy-Einstellungen des Systems
       *[other] { $source }
    } nimmt diesen Host vom Proxy aus)
   *[direct] direkt, ohne Proxy (weder HTTPS_PROXY noch ALL_PROXY noch die Proxy-Einstellungen des Systems nennen einen)
}

## Fehler

net-connect = keine Verbindung zu { $host }: { $detail } (die Anfrage ging { net-route })
    .fix = Prüfen Sie die Netzwerkverbindung und ob https://{ $host } von diesem Computer aus erreichbar ist (DNS, Proxy, Firewall, TLS-Inspektion).{ $via ->
        [direct] { " " }Lässt dieses Netz Verkehr nur über einen Proxy hinaus, tragen Sie ihn in HTTPS_PROXY ein (zum Beispiel http://proxy.example.com:8080) oder in die Proxy-Einstellungen des Systems; Skripte zur automatischen Proxy-Konfiguration (PAC) führt graphwiz nicht aus.
       *[other] {""}
    }

net-proxy = { $host } war { net-route } nicht erreichbar: { $problem ->
        [auth] der Proxy verlangt eine Anmeldung (HTTP 407 Proxy Authentication Required)
        [refused] der Proxy hat es abgelehnt, einen Tunnel (CONNECT) zu { $host } zu öffnen
        [closed] der Proxy hat die Verbindung beim Öffnen des Tunnels geschlossen
       *[connect] der Proxy selbst war nicht erreichbar ({ $detail })
    }
    .fix = { $problem ->
        [auth] Tragen Sie das Proxy-Konto in die Proxy-URL ein (http://benutzer:passwort@proxy:port in HTTPS_PROXY) oder bitten Sie das Netzwerkteam, { $host } ohne Anmeldung durchzulassen; mit Windows-Authentifizierung (NTLM, Kerberos) kann sich graphwiz nicht an einem Proxy anmelden.
        [refused] Bitten Sie das Netzwerkteam, HTTPS (CONNECT) zu { $host } über den Proxy zu erlauben, oder tragen Sie den Host in NO_PROXY ein, wenn er direkt erreicht werden soll.
       *[other] Prüfen Sie Adresse und Port des Proxys ({ $proxy }) und ob der Proxy läuft und von diesem Computer aus erreichbar ist; braucht dieses Netz keinen Proxy, entfernen Sie die Einstellung.
    }

net-tls = { $kind ->
        [unknown_issuer] das Zertifikat, das { $host } vorgelegt hat, stammt von einer Zertifizierungsstelle, der dieser Computer nicht vertraut (unbekannter Aussteller); die Anfrage ging { net-route }. In Firmennetzen bedeutet das meist TLS-Inspektion: ein Proxy oder eine Firewall öffnet den HTTPS-Verkehr und signiert ihn mit der eigenen Zertifizierungsstelle der Firma neu, die dann im Zertifikatspeicher des Betriebssystems stehen muss
        [expired] das Zertifikat, das { $host } vorgelegt hat, ist abgelaufen; die Anfrage ging { net-route }
        [not_yet_valid] das Zertifikat, das { $host } vorgelegt hat, ist noch nicht gültig (geht die Uhr dieses Computers richtig?); die Anfrage ging { net-route }
        [wrong_name] das Zertifikat, das { $host } vorgelegt hat, ist auf einen anderen Namen ausgestellt; die Anfrage ging { net-route }
       *[other] das Zertifikat, das { $host } vorgelegt hat, wurde nicht akzeptiert ({ $detail }); die Anfrage ging { net-route }
    }
    .fix = { $kind ->
        [unknown_issuer] Prüft Ihre Firma TLS-Verkehr, lassen Sie sich von der IT das Stammzertifikat (Root-CA) geben und nehmen Sie es in den Zertifikatspeicher des Betriebssystems auf: Windows: certlm.msc → Vertrauenswürdige Stammzertifizierungsstellen (meist per Gruppenrichtlinie verteilt); macOS: Schlüsselbundverwaltung → Schlüsselbund „System“ → importieren, dann Vertrauen → Immer vertrauen; Linux: als .crt-Datei (PEM) nach /usr/local/share/ca-certificates/ kopieren und sudo update-ca-certificates ausführen, oder ein CA-Bündel in SSL_CERT_FILE angeben. graphwiz prüft Zertifikate gegen den Zertifikatspeicher des Betriebssystems und gegen nichts sonst. Sollte in Ihrem Netz nichts TLS-Verkehr prüfen, brechen Sie hier ab: dann greift womöglich jemand die Verbindung ab.
        [not_yet_valid] Stellen Sie Datum, Uhrzeit und Zeitzone dieses Computers richtig ein und starten Sie die Prüfung erneut.
       *[other] Etwas zwischen diesem Computer und { $host } legt ein Zertifikat vor, das nicht das des Dienstes ist (TLS-Inspektion, ein Captive Portal), oder die Login- oder Graph-URL zeigt auf den falschen Server. Prüfen Sie die URLs und den Proxy oder versuchen Sie ein anderes Netz.
    }

## Eine Prüfung, die an einem davon scheiterte

net-failed = { $step ->
        [tenant] Der Mandant konnte nicht nachgeschlagen werden
        [token] Es konnte kein Token geholt werden
       *[other] Die Anfrage ist gescheitert
    }: { $error ->
        [tls] { net-tls }
        [proxy] { net-proxy }
       *[connect] { net-connect }
    }.
    .fix = { $error ->
        [tls] { net-tls.fix }
        [proxy] { net-proxy.fix }
       *[connect] { net-connect.fix }
    }
