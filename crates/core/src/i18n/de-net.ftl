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

## Antworten, die fehlen, abbrechen oder nicht das Erwartete sind

net-timeout = { $host } hat nicht innerhalb von { $secs } s geantwortet
    .fix = Prüfen Sie, ob dieser Computer https://{ $host } erreicht (Proxy, Firewall, VPN), und starten Sie die Prüfung dann erneut; mit --timeout wartet graphwiz in einem langsamen Netz länger.
net-broke-off = die Verbindung zu { $host } brach ab, bevor die Antwort vollständig war: { $detail }
    .fix = Starten Sie die Prüfung erneut. Passiert das immer wieder, trennt ein Proxy, eine Firewall, ein VPN oder ein Gerät zur TLS-Inspektion die Verbindungen zu https://{ $host }: Bitten Sie das Netzwerkteam, diesen Host zuzulassen, oder versuchen Sie ein anderes Netz.
net-broke-off-how = { $how ->
        [reset] die Verbindung wurde zurückgesetzt
        [closed] der Server hat die Verbindung vorzeitig geschlossen
       *[other] die Verbindung endete ({ $cause })
    }{ $progress ->
        [of] , nachdem { $received } von { $announced } angekündigten Bytes angekommen waren; die Antwort ist unvollständig
        [bytes] , nachdem { $received } Bytes angekommen waren; die Antwort ist unvollständig
       *[none] {""}
    }
net-cut-off = das JSON endet nach { $bytes } Bytes mittendrin; die Antwort wurde abgeschnitten
net-too-slow = { $host } hat zu antworten begonnen, war aber nicht innerhalb von { $secs } s fertig ({ $received } Bytes kamen an, und es tröpfelte weiter)
    .fix = Die Antwort von https://{ $host } kam zu langsam: Ein Proxy oder ein sehr langsames Netz hält sie auf. Prüfen Sie die Proxy-Einstellungen oder versuchen Sie ein anderes Netz; mit --timeout wartet graphwiz länger.
net-throttled = { $host } { $status ->
        [429] hat die Anfragen gedrosselt (HTTP 429 Too Many Requests)
       *[other] war nicht verfügbar oder hat gedrosselt (HTTP 503 Service Unavailable)
    } und { $retry ->
        [longer] bat, { $retry_after } s zu warten (Retry-After), länger als das Wiederholungsbudget von graphwiz ({ $budget } s); graphwiz hat nach { $attempts ->
            [one] { $attempts } Versuch
           *[other] { $attempts } Versuchen
        } aufgegeben
        [asked] { $status ->
            [429] drosselte
           *[other] war
        } nach { $attempts ->
            [one] { $attempts } Versuch
           *[other] { $attempts } Versuchen
        } und { $waited } s Wartezeit, wie sein Retry-After ({ $retry_after } s) verlangte, noch immer{ $status ->
            [429] {""}
           *[other] { " " }nicht verfügbar
        }; das Wiederholungsbudget von graphwiz ({ $budget } s) ist aufgebraucht
       *[none] { $status ->
            [429] drosselte
           *[other] war
        } nach { $attempts ->
            [one] { $attempts } Versuch
           *[other] { $attempts } Versuchen
        } und { $waited } s Wartezeit noch immer{ $status ->
            [429] {""}
           *[other] { " " }nicht verfügbar
        } (es sandte kein Retry-After); das Wiederholungsbudget von graphwiz ({ $budget } s) ist aufgebraucht
    }
    .fix = Warten Sie einige Minuten und starten Sie die Prüfung dann erneut. Bleibt es dabei, nutzt womöglich ein anderes Programm diese App-Registrierung stark, oder ein Proxy begrenzt die Anfragen an https://{ $host }. Mit einem längeren --timeout wartet graphwiz auch länger, bis die Drosselung endet (doppelt so lange wie das Timeout, höchstens 20 s).
net-html = { $host } hat mit einer HTML-Seite{ $titled ->
        [yes] { " " }mit dem Titel „{ $title }“
       *[no] {""}
    } (HTTP { $status }) statt mit JSON geantwortet: Ein Proxy oder ein Captive Portal hat an Stelle des Dienstes geantwortet
    .fix = Öffnen Sie https://{ $host } in einem Browser auf diesem Computer: Erscheint eine Anmelde-, Nutzungsbedingungs- oder Sperrseite, schließen Sie sie ab (Captive Portal) oder bitten Sie das Netzwerkteam, { $host } durch den Proxy oder Webfilter zu lassen. Starten Sie die Prüfung dann erneut.
net-not-json = die Antwort von { $host } (HTTP { $status }) ist kein JSON{ $label ->
        [json] , obwohl sie als „{ $content_type }“ gekennzeichnet ist
        [other] { " " }(sie ist als „{ $content_type }“ gekennzeichnet)
       *[none] {""}
    }: { $detail }
    .fix = Etwas zwischen diesem Computer und https://{ $host } (ein Proxy, ein Webfilter oder TLS-Inspektion) beantwortet oder verändert die Antworten, oder die Login- oder Graph-URL zeigt auf den falschen Server. Prüfen Sie die Proxy-Einstellungen und die URLs oder versuchen Sie ein anderes Netz; starten Sie die Prüfung dann erneut.
net-syntax = ungültig in Zeile { $line }, Spalte { $column }
net-empty = die Antwort ist leer
net-wrong-type = die Antwort von { $host } (HTTP { $status }) ist als „{ $content_type }“ statt als JSON (application/json) gekennzeichnet: Ein Proxy oder ein anderer Server hat geantwortet oder sie verändert
    .fix = { net-not-json.fix }
net-too-large = die Antwort von { $host } ist größer als { $mib } MiB; das ist keine Antwort von Microsoft Graph oder Entra ID
    .fix = { net-bad-body.fix }
net-bad-body = { $detail }
    .fix = Der Dienst hat eine Antwort geschickt, die graphwiz nicht lesen konnte; womöglich hat ein Proxy sie ersetzt. Starten Sie die Prüfung erneut und prüfen Sie den Proxy, wenn es dabei bleibt.

## Jede davon, nach $error, mit den Argumenten der jeweiligen Meldung

net-error = { $error ->
        [tls] { net-tls }
        [proxy] { net-proxy }
        [timeout] { net-timeout }
        [broke_off] { net-broke-off }
        [too_slow] { net-too-slow }
        [throttled] { net-throttled }
        [html] { net-html }
        [not_json] { net-not-json }
        [wrong_type] { net-wrong-type }
        [too_large] { net-too-large }
        [bad_body] { net-bad-body }
       *[connect] { net-connect }
    }
net-advice = { $error ->
        [tls] { net-tls.fix }
        [proxy] { net-proxy.fix }
        [timeout] { net-timeout.fix }
        [broke_off] { net-broke-off.fix }
        [too_slow] { net-too-slow.fix }
        [throttled] { net-throttled.fix }
        [html] { net-html.fix }
        [not_json] { net-not-json.fix }
        [wrong_type] { net-wrong-type.fix }
        [too_large] { net-too-large.fix }
        [bad_body] { net-bad-body.fix }
       *[connect] { net-connect.fix }
    }

## Eine Prüfung, die an einem davon scheiterte

net-failed = { $step ->
        [tenant] Der Mandant konnte nicht nachgeschlagen werden
        [token] Es konnte kein Token geholt werden
       *[other] Die Anfrage ist gescheitert
    }: { net-error }.
    .fix = { net-advice }

## A run's throttling, as a note under its checks: the requests a service answered 429/503, each
## counted once, and the time graphwiz waited before retrying them ($service: microsoft | genesys |
## both; $requests; $secs).
net-run-throttled = { $service ->
        [genesys] Genesys Cloud
        [both] Microsoft Graph und Genesys Cloud
       *[microsoft] Microsoft Graph
    } hat { $requests ->
        [one] 1 Anfrage
       *[other] { $requests } Anfragen
    } gedrosselt; graphwiz hat { $secs } s gewartet und es erneut versucht.
